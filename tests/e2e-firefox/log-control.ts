import type { Page } from 'puppeteer-core';
import { BidiLogControl, bidiSession } from '../e2e/log-control-bidi';

/**
 * The one place the Firefox suite knows how the Log control is built. Its shadow root is closed, so neither
 * the page's scripts nor puppeteer's selectors reach it: WebDriver BiDi does (tests/e2e/log-control-bidi.ts),
 * reading the control's words from its serialisation and clicking with a real pointer action, so the click is
 * trusted, as a user's is.
 */
export const CONTROL = 'bridges-log-control';

export interface ControlState {
  /** The button's words: "Log meeting", "Logged · 4 people", "Log 30 people?". */
  label: string;
  /** The message beside it: why a meeting was not logged, or "" */
  message: string;
}

function driver(page: Page): BidiLogControl {
  return new BidiLogControl(bidiSession(page), (page.mainFrame() as unknown as { _id: string })._id);
}

/** The control in the open card, or null when there is none. */
export async function controlState(page: Page): Promise<ControlState | null> {
  const state = await driver(page).state();
  return state ? { label: state.label, message: state.message } : null;
}

/** Clicks the control's Log button as a user does: a real pointer click on it. */
export async function clickControl(page: Page): Promise<void> {
  await page.evaluate((tag) => document.querySelector(tag)?.scrollIntoView({ block: 'center' }), CONTROL);
  await driver(page).click();
}
