import { createContext } from 'preact';
import type { CatchUpHost } from '../lib/catchup/plan';

/**
 * How this page plans a catch-up (its settings, its commands, its tabs), given once at the top of the page: the
 * popup and the management page each provide their own. Apart from the controls, so that providing it costs the
 * popup's first paint nothing.
 */
export const CatchUpContext = createContext<CatchUpHost | null>(null);
