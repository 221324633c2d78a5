import { useEffect, useState } from 'preact/hooks';
import { PrepEmpty, PrepPanel } from '../../components/PrepPanel';
import type { createSender } from '../../lib/messaging-protocol';
import type { BriefAnswer } from '../../lib/prep/briefs';
import { loadBrief } from '../../lib/prep/frame';

export interface AppProps {
  /** The frame's address's hash: the token. */
  hash: string;
  send: ReturnType<typeof createSender>;
}

export function App({ hash, send }: AppProps) {
  // Undefined while the background is asked; null when it has nothing for this frame.
  const [answer, setAnswer] = useState<BriefAnswer | null | undefined>(undefined);
  useEffect(() => {
    void loadBrief(hash, send).then(setAnswer);
  }, [hash, send]);
  if (answer === undefined) return null;
  if (answer === null) return <PrepEmpty />;
  const toggle = (collapsed: boolean) => {
    setAnswer({ ...answer, collapsed });
    // Kept for every card; a failure to keep it changes only the next card's first look.
    void send('saveSettings', { prepCollapsed: collapsed }).catch(() => undefined);
  };
  return <PrepPanel brief={answer.brief} collapsed={answer.collapsed} onToggle={toggle} />;
}
