import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askToReachFeed, checkFeedAddress, maskFeedAddress } from '../../lib/feed/address';
import { sendMessage } from '../../lib/messaging';
import type { FeedSettings, FeedStatus } from '../../lib/settings-schema';
import { useCommand } from '../../lib/ui/use-command';
import { CommandStatus } from '../CommandStatus';

const meetings = (n: number) => `${n} ${n === 1 ? 'meeting' : 'meetings'}`;
const when = (at: number) =>
  new Date(at).toLocaleString(undefined, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    day: 'numeric',
    month: 'short',
  });

/**
 * Meetings that log themselves: the user's own calendar feed (its secret iCal address), fetched by the
 * background every few hours. The one network connection Bridges can make, and only once the user says yes.
 */
export function FeedSection({ settings, status }: { settings: FeedSettings; status: FeedStatus }) {
  const [draft, setDraft] = useState('');
  // Whether the address typed was refused (marked on the field until one is taken).
  const [refused, setRefused] = useState(false);
  const acting = useCommand();
  const urls = settings.feeds.map((f) => f.url);

  async function save(addresses: string[], done: string) {
    const result = await acting.run(
      async () => {
        if (addresses.length > 0) {
          // Asked in answer to this click: the one address Bridges may ever connect to.
          const granted = await askToReachFeed(browser.permissions);
          if (!granted) throw new Error('Bridges was not allowed to reach calendar.google.com, so syncing stays off.');
        }
        const saved = await sendMessage('saveFeeds', { enabled: addresses.length > 0, addresses });
        if (saved.enabled) await sendMessage('syncFeeds', { ifStale: false });
        return saved;
      },
      done,
      'Not saved:',
    );
    return result !== undefined;
  }

  async function add(event: Event) {
    event.preventDefault();
    const checked = checkFeedAddress(draft);
    const problem = !checked.ok
      ? checked.message
      : urls.includes(checked.url)
        ? 'This calendar is already synced.'
        : '';
    setRefused(problem !== '');
    if (!checked.ok || problem) return acting.say(problem, true);
    if (await save([...urls, checked.url], `Syncing ${checked.calendar}.`)) setDraft('');
  }

  return (
    <div class="feed">
      <p class="hint">
        Bridges can log your past meetings by itself, from your calendar's secret address: every few hours, when you
        open the popup, and when you ask. It connects to calendar.google.com for this and nothing else; the address
        stays in this browser, never in a backup or a spreadsheet.
      </p>
      <ol class="steps">
        <li>In Google Calendar, open Settings, then your calendar under "Settings for my calendars".</li>
        <li>Under "Integrate calendar", copy the "Secret address in iCal format".</li>
        <li>Paste it here.</li>
      </ol>
      {settings.feeds.length > 0 && (
        <ul class="values" aria-label="Synced calendars">
          {settings.feeds.map((f) => (
            <li key={f.id}>
              <span>
                {f.calendar} <span class="muted">{maskFeedAddress(f.url)}</span>
              </span>
              <button
                type="button"
                class="link"
                aria-label={`Stop syncing ${f.calendar}`}
                onClick={() =>
                  void save(
                    urls.filter((u) => u !== f.url),
                    `${f.calendar} is no longer synced.`,
                  )
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add" onSubmit={add}>
        <label class="field">
          <span>Secret address in iCal format</span>
          <input
            type="password"
            autocomplete="off"
            spellcheck={false}
            value={draft}
            placeholder="https://calendar.google.com/calendar/ical/…/private-…/basic.ics"
            aria-invalid={refused ? 'true' : undefined}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={acting.busy}>
          {settings.enabled ? 'Add calendar' : 'Turn on syncing'}
        </button>
      </form>
      {settings.enabled && (
        <div class="buttons">
          <button
            type="button"
            disabled={acting.busy}
            onClick={() =>
              void acting.run(
                () => sendMessage('syncFeeds', { ifStale: false }),
                (r) =>
                  r.status === 'done' && !r.error
                    ? r.added + r.removed + r.updated === 0
                      ? 'Synced: nothing new.'
                      : `Synced: ${meetings(r.added)} added${r.removed ? `, ${r.removed} taken back` : ''}.`
                    : 'Synced.',
                'Not synced:',
              )
            }
          >
            Sync now
          </button>
          <button
            type="button"
            class="link"
            disabled={acting.busy}
            onClick={() =>
              void save([], 'Syncing is off, and Bridges forgot the addresses. Meetings already logged stay.')
            }
          >
            Turn off syncing
          </button>
        </div>
      )}
      <CommandStatus state={acting} label="Syncing" />
      <FeedStatusLine status={status} enabled={settings.enabled} />
    </div>
  );
}

function FeedStatusLine({ status, enabled }: { status: FeedStatus; enabled: boolean }) {
  if (!enabled) return null;
  if (status.error) {
    return (
      <p class="error" role="alert">
        Could not sync {status.error.calendar} ({when(status.error.at)}): {status.error.message}
      </p>
    );
  }
  if (status.lastSyncAt === null) return <p class="muted">Not synced yet.</p>;
  return (
    <p class="muted" role="status">
      Last synced {when(status.lastSyncAt)}
      {status.lastAdded > 0 ? `: ${meetings(status.lastAdded)} added` : ''}
      {status.lastRemoved > 0 ? `, ${status.lastRemoved} taken back` : ''}. {meetings(status.totalAdded)} added since
      syncing began.
    </p>
  );
}
