import type { Page } from 'puppeteer-core';

/**
 * The one place the Firefox suite knows how the Log control is built. It is clicked with real input (a mouse
 * click at its box, so the click is trusted, as a user's is) and its state is read here; when the control
 * changes how it is built (a closed shadow root, say), only these two functions change.
 */
export const CONTROL = 'bridges-log-control';

export interface ControlState {
  /** The button's words: "Log meeting", "Logged · 4 people", "Log 30 people?". */
  label: string;
  /** The message beside it: why a meeting was not logged, or "" */
  message: string;
}

/** The control in the open card, or null when there is none. */
export async function controlState(page: Page): Promise<ControlState | null> {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    if (!root) return null;
    return {
      label: root.querySelector('button')?.textContent ?? '',
      message: root.querySelector('[role="status"]')?.textContent ?? '',
    };
  }, CONTROL);
}

/** Clicks the control's button as a user does: a real mouse click near the right end of the control's box. */
export async function clickControl(page: Page): Promise<void> {
  const point = await page.evaluate((tag) => {
    const host = document.querySelector(tag);
    if (!host) return null;
    host.scrollIntoView({ block: 'center' });
    const box = host.getBoundingClientRect();
    // The button is the control's last part (a message may stand before it): aim inside its rounded end.
    return { x: box.right - 16, y: box.top + box.height / 2 };
  }, CONTROL);
  if (!point) throw new Error('There is no Log control on the page.');
  await page.mouse.click(point.x, point.y);
}
