import { useState } from 'preact/hooks';
import { catchUpTitle } from '../../lib/catchup/links';
import {
  CALENDAR_NAMES,
  CALENDAR_SERVICES,
  type CatchUpSettings,
  MY_NAME,
  THEIR_NAME,
} from '../../lib/catchup/settings';
import { LIMITS } from '../../lib/schema';
import { checkCatchUp } from '../../lib/settings-validation';
import { useCommand } from '../../lib/ui/use-command';
import { CommandStatus } from '../CommandStatus';

export interface CatchUpSectionProps {
  value: CatchUpSettings;
  onSave(value: CatchUpSettings): Promise<void>;
}

const WHAT_OPENS: Record<CatchUpSettings['calendar'], string> = {
  google: 'with them as the guest',
  'outlook-work': 'Microsoft 365; you paste their address as the guest',
  'outlook-personal': 'Outlook.com; you paste their address as the guest',
};

/** A name to show the title with, as one of the user's own people would read it. */
const EXAMPLE_NAME = 'Priya Raman';

/** How "Plan a catch-up" fills in an invitation: which calendar opens, for how long, with what title. */
export function CatchUpSection({ value, onSave }: CatchUpSectionProps) {
  const [draft, setDraft] = useState({ ...value, minutes: String(value.minutes) });
  const saving = useCommand();
  const outlook = draft.calendar !== 'google';

  function submit(event: Event) {
    event.preventDefault();
    const checked = checkCatchUp(draft);
    if (!checked.ok) {
      saving.say(checked.message, true);
      return;
    }
    void saving.run(() => onSave(checked.value), 'Saved: your next catch-up is filled in this way.', 'Not saved:');
  }

  return (
    <form class="catch-up-settings" onSubmit={submit}>
      <fieldset class="choices">
        <legend>Open the new invitation in</legend>
        {CALENDAR_SERVICES.map((calendar) => (
          <label key={calendar} class="check">
            <input
              type="radio"
              name="calendar"
              value={calendar}
              checked={draft.calendar === calendar}
              onChange={() => setDraft({ ...draft, calendar })}
            />
            <span>
              {CALENDAR_NAMES[calendar]} <span class="muted">({WHAT_OPENS[calendar]})</span>
            </span>
          </label>
        ))}
      </fieldset>
      {outlook && (
        <p class="hint">
          Outlook's link has no documented way to name a guest, so Bridges does not guess one: when you plan a catch-up,
          it copies their address to your clipboard, and you paste it into the invitation.
        </p>
      )}
      <label class="field inline">
        <span>Length</span>
        <input
          type="number"
          min={5}
          max={480}
          step={5}
          value={draft.minutes}
          onInput={(e) => setDraft({ ...draft, minutes: e.currentTarget.value })}
        />
        <span>minutes</span>
      </label>
      <label class="field">
        <span>Title</span>
        <input
          type="text"
          maxLength={LIMITS.catchUpTitle}
          value={draft.title}
          aria-describedby="catch-up-title-hint"
          onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
        />
      </label>
      <p class="hint" id="catch-up-title-hint">
        {THEIR_NAME} and {MY_NAME} are filled in for each invitation.
      </p>
      <label class="field">
        <span>Your name, for {MY_NAME}</span>
        <input
          type="text"
          maxLength={LIMITS.catchUpTitle}
          autocomplete="name"
          value={draft.myName}
          onInput={(e) => setDraft({ ...draft, myName: e.currentTarget.value })}
        />
      </label>
      <p class="preview">
        <span class="muted">With {EXAMPLE_NAME}, the title reads:</span>{' '}
        <strong>{catchUpTitle(draft.title, EXAMPLE_NAME, draft.myName) || EXAMPLE_NAME}</strong>
      </p>
      <p class="hint">
        The invitation holds this title, a time you then choose and, in Google Calendar, their address: never your note
        about them, their status, priority, group or kind.
      </p>
      <div class="buttons">
        <button type="submit" disabled={saving.busy}>
          Save
        </button>
      </div>
      <CommandStatus state={saving} />
    </form>
  );
}
