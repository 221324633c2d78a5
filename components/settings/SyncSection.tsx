import { useState } from 'preact/hooks';
import { getDb } from '../../lib/db/app-db';
import { hasMeetingsOfItsOwn, peopleByEmail, syncState } from '../../lib/db/queries';
import { sendMessage } from '../../lib/messaging';
import { generatePassphrase, MIN_PASSPHRASE, passphraseStrength, type Strength } from '../../lib/sync/crypto';
import type { SyncState } from '../../lib/sync/status';
import { LEFT_OUT_WHY, leftOutLines, statusLine } from '../../lib/sync/words';
import { type CommandRunner, useCommand } from '../../lib/ui/use-command';
import { useLiveQuery } from '../../lib/ui/use-live-query';
import { CommandStatus } from '../CommandStatus';

const db = getDb();

const STRENGTH_WORDS: Record<Strength, string> = {
  'too-short': `Too short: at least ${MIN_PASSPHRASE} characters.`,
  weak: 'Weak: easy to guess for someone who holds your browser sync data. Add words, or generate one.',
  fair: 'Fair. A longer one, or a generated one, is safer.',
  strong: 'Strong.',
};

/**
 * Sync across your browsers: off (a passphrase to turn it on, typed or generated and copied) or on (where it stands
 * in words, what stays on this browser only and why, Sync now, Turn off, Forget synced data). The background does
 * the work; this page reads the state it keeps and sends commands.
 */
export function SyncSection() {
  const state = useLiveQuery(() => syncState(db));
  // One runner for both: what turning sync on or off did is still said once the section has changed.
  const acting = useCommand();
  if (!state) return null;
  return (
    <div class="sync">
      {state.on ? <SyncOn state={state} acting={acting} /> : <SyncOff state={state} acting={acting} />}
      <CommandStatus state={acting} label="Syncing" />
    </div>
  );
}

function SyncOff({ state, acting }: { state: SyncState; acting: CommandRunner }) {
  const [passphrase, setPassphrase] = useState('');
  const [generated, setGenerated] = useState(false);
  const [shown, setShown] = useState(false);
  const { strength, bits } = passphraseStrength(passphrase);

  function generate() {
    setPassphrase(generatePassphrase());
    setGenerated(true);
    setShown(true);
    acting.clear();
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(passphrase);
      acting.say('Copied. Keep it in your password manager: Bridges cannot show it again once sync is on.');
    } catch {
      acting.say('Copying was not allowed here: select the passphrase and copy it yourself.', true);
    }
  }

  async function turnOn(event: Event) {
    event.preventDefault();
    if (strength === 'too-short') return acting.say(STRENGTH_WORDS['too-short'], true);
    const done = await acting.run(
      async (progress) => {
        progress(0, 0, 'Making the key from your passphrase (a second or so)…');
        return sendMessage('turnSyncOn', { passphrase });
      },
      (r) =>
        r.joined
          ? 'Sync is on: this browser now has what your other browsers synced, and they will have what is here.'
          : 'Sync is on. On your other browsers, open these settings and turn sync on with the same passphrase.',
      'Sync is still off:',
    );
    if (done) setPassphrase('');
  }

  return (
    <>
      {state.stopped && (
        <p class="error" role="alert">
          {statusLine(state)}
        </p>
      )}
      <p class="hint">
        Your decisions, notes, groups, settings and the contacts you log by hand, on every browser where you use
        Bridges: through your browser's own sync (Chrome Sync, Firefox Sync), encrypted here with your passphrase before
        it leaves, so your browser's vendor stores only ciphertext. The meetings themselves do not travel (each browser
        reads them from your calendar), nor does your calendar's secret address.
      </p>
      <form class="sync-form" onSubmit={turnOn}>
        <label class="field" for="sync-passphrase">
          <span>Passphrase</span>
        </label>
        <div class="add">
          <input
            id="sync-passphrase"
            // Preact's types take the two kinds of field apart; the element takes either.
            type={(shown ? 'text' : 'password') as 'text'}
            autocomplete="new-password"
            spellcheck={false}
            value={passphrase}
            aria-describedby="sync-strength sync-passphrase-hint"
            aria-invalid={passphrase !== '' && strength === 'too-short' ? 'true' : undefined}
            onInput={(e) => {
              setPassphrase(e.currentTarget.value);
              setGenerated(false);
            }}
          />
          <button type="button" class="link" aria-pressed={shown} onClick={() => setShown(!shown)}>
            {shown ? 'Hide' : 'Show'}
          </button>
        </div>
        <p id="sync-passphrase-hint" class="hint">
          At least {MIN_PASSPHRASE} characters. Use the same one on each of your browsers. Bridges never keeps it and
          cannot recover it.
        </p>
        {passphrase !== '' && (
          <p id="sync-strength" class={`strength strength-${strength}`} aria-live="polite">
            {STRENGTH_WORDS[strength]}
            {strength !== 'too-short' && <span class="muted"> About {bits} bits.</span>}
          </p>
        )}
        <div class="buttons">
          <button type="submit" disabled={acting.busy}>
            Turn on sync across browsers
          </button>
          <button type="button" class="link" onClick={generate} disabled={acting.busy}>
            Generate a passphrase
          </button>
          {generated && passphrase !== '' && (
            <button type="button" class="link" onClick={() => void copy()}>
              Copy it
            </button>
          )}
        </div>
      </form>
    </>
  );
}

function SyncOn({ state, acting }: { state: SyncState; acting: CommandRunner }) {
  const [forgetting, setForgetting] = useState(false);
  const wanted = state.leftOut?.people ?? [];
  const names = useLiveQuery(() => peopleByEmail(db, wanted), [wanted.join()]);
  // False: only contacts synced from the other browsers; undefined: not read yet.
  const meetingsHere = useLiveQuery(() => hasMeetingsOfItsOwn(db));
  const nameOf = (email: string) => names?.find((p) => p?.email === email)?.displayName ?? email;
  const lines = leftOutLines(state.leftOut, nameOf);

  return (
    <>
      <p role="status">{statusLine(state)}</p>
      {state.problem && (
        <p class="error" role="alert">
          {state.problem.message}
        </p>
      )}
      {/* Once the names are read: the list never shows addresses first, then names. */}
      {lines.length > 0 && names !== undefined && (
        <div class="left-out">
          <p>
            <strong>On this browser only:</strong>
          </p>
          <ul>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p class="hint">{LEFT_OUT_WHY}</p>
        </div>
      )}
      {meetingsHere === false && (
        <p>
          This browser has no meetings of its own yet.{' '}
          <a href="#/welcome">Bring in your past meetings from Google Calendar's export</a>, so that when you last met
          everyone is right here too.
        </p>
      )}
      <p class="hint">
        Your calendar's secret address, if you set one, stays in the browser where you entered it: add it on each
        browser that should log meetings by itself.
      </p>
      {forgetting ? (
        <fieldset class="confirm choices">
          <legend>
            Remove Bridges' data from your browser's sync? Every browser keeps what it holds, and sync stops on all of
            them.
          </legend>
          <div class="buttons">
            <button
              type="button"
              class="danger"
              disabled={acting.busy}
              onClick={() =>
                void acting
                  .run(
                    () => sendMessage('forgetSyncedData', {}),
                    "Bridges' data is gone from your browser's sync, and sync is off. Everything here stays.",
                    'Not forgotten:',
                  )
                  .then(() => setForgetting(false))
              }
            >
              Forget synced data
            </button>
            <button type="button" class="link" onClick={() => setForgetting(false)}>
              Cancel
            </button>
          </div>
        </fieldset>
      ) : (
        <div class="buttons">
          <button
            type="button"
            disabled={acting.busy}
            onClick={() =>
              void acting.run(
                () => sendMessage('syncNow', {}),
                (r) => (r.status === 'held' ? 'Not synced yet: see above.' : 'Synced.'),
                'Not synced:',
              )
            }
          >
            Sync browsers now
          </button>
          <button
            type="button"
            class="link"
            disabled={acting.busy}
            onClick={() =>
              void acting.run(
                () => sendMessage('turnSyncOff', {}),
                'Sync is off on this browser. Your other browsers go on syncing; what is here stays.',
                'Sync is still on:',
              )
            }
          >
            Turn off
          </button>
          <button type="button" class="link" disabled={acting.busy} onClick={() => setForgetting(true)}>
            Forget synced data…
          </button>
        </div>
      )}
    </>
  );
}
