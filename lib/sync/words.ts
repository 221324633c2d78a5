import type { SyncState } from './status';

/**
 * What the settings page says about sync across browsers, in words: where it stands, and exactly what stays on
 * this browser only and why. Pure functions of the state the background keeps (lib/sync/state.ts); no Dexie here,
 * so the page carries none of the sync's code.
 */

/** The state's fields these words read. */
export type SyncStatus = Pick<
  SyncState,
  'on' | 'lastSyncAt' | 'waitingSince' | 'usage' | 'leftOut' | 'problem' | 'stopped' | 'refused'
>;

const QUOTA_KB = 100;
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "Priya Raman, Sam Lee and 3 more". */
function some(names: readonly string[], total: number): string {
  const shown = names.slice(0, 3);
  const more = total - shown.length;
  if (shown.length === 0) return '';
  if (more <= 0)
    return shown.length === 1 ? (shown[0] as string) : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
  return `${shown.join(', ')} and ${count(more, 'more', 'more')}`;
}

/**
 * What is left on this browser only, one line each, most important first; empty when everything travels.
 * `nameOf` gives a person's name from their address.
 */
export function leftOutLines(leftOut: SyncStatus['leftOut'], nameOf: (email: string) => string): string[] {
  if (!leftOut) return [];
  const lines: string[] = [];
  const names = leftOut.people.map(nameOf);
  if (leftOut.deletions > 0) lines.push(`${count(leftOut.deletions, 'deletion')} of people or groups`);
  if (leftOut.decisions > 0) {
    lines.push(
      `what you decided about ${count(leftOut.decisions, 'person', 'people')} (${some(names, leftOut.decisions)})`,
    );
  }
  if (leftOut.contacts > 0) lines.push(`${count(leftOut.contacts, 'contact')} you logged by hand (the oldest)`);
  if (leftOut.notes > 0) {
    const noted =
      leftOut.decisions > 0
        ? ` (${count(leftOut.notes, 'note')}, lowest priority first)`
        : ` (${some(names, leftOut.notes)})`;
    lines.push(`your notes about ${count(leftOut.notes, 'person', 'people')}${noted}`);
  }
  if (leftOut.digests > 0) {
    lines.push(
      `when you last met ${count(leftOut.digests, 'person', 'people')} you have decided nothing about: your other browsers learn it from your calendar`,
    );
  }
  return lines;
}

/** Why those stay here, and what helps. */
export const LEFT_OUT_WHY = `The browser's sync holds about ${QUOTA_KB} KB for Bridges, and what matters most goes first: deletions, your decisions (high priority first), contacts you logged, your notes, then when you last met everyone else. What is left stays safe on this browser and travels as soon as there is room: shorter notes, or fewer people, make room.`;

const when = (at: number) =>
  new Date(at).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

/** Where sync stands, in a sentence or two. */
export function statusLine(status: SyncStatus): string {
  if (!status.on) {
    switch (status.stopped?.reason) {
      case 'forgotten':
        return 'Sync stopped: Bridges\' data was removed from the browser\'s sync on another of your browsers ("Forget synced data"). Everything here stays. Turn sync on again to start anew.';
      case 'passphrase-changed':
        return 'Sync stopped: your other browsers now use another passphrase. Everything here stays. Turn sync on with the new passphrase.';
      case 'wiped':
        return 'Everything was deleted here because you chose "Delete everything, on every browser" on another of your browsers. Sync is off.';
      default:
        return 'Sync is off.';
    }
  }
  const parts: string[] = [];
  parts.push(status.lastSyncAt === null ? 'Not synced yet.' : `Last synced ${when(status.lastSyncAt)}.`);
  if (status.usage) {
    const kb = status.usage.bytes < 1024 ? 'under 1' : String(Math.round(status.usage.bytes / 1024));
    parts.push(
      `Bridges uses ${count(status.usage.items, 'item')} and ${kb} KB of the ${QUOTA_KB} KB your browser's sync allows.`,
    );
  }
  if (status.waitingSince !== null)
    parts.push('Some of what another browser wrote is still arriving: Bridges reads it when it is there.');
  if (status.refused > 0) {
    parts.push(
      `${count(status.refused, 'record')} from another browser could not be read and ${status.refused === 1 ? 'was' : 'were'} left out.`,
    );
  }
  return parts.join(' ');
}
