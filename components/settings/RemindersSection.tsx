import { browser } from 'wxt/browser';
import type { ReminderSettings } from '../../lib/settings-schema';
import { checkReminderTime } from '../../lib/settings-validation';
import { useCommand } from '../../lib/ui/use-command';
import { CommandStatus } from '../CommandStatus';

export interface RemindersSectionProps {
  value: ReminderSettings;
  onSave(value: ReminderSettings): Promise<void>;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** When the weekly reminder comes, what it counts, and whether it also notifies. */
export function RemindersSection({ value, onSave }: RemindersSectionProps) {
  const saving = useCommand();

  async function save(patch: Partial<ReminderSettings>, message: string) {
    await saving.run(() => onSave({ ...value, ...patch }), message, 'Not saved:');
  }

  function setTime(day: string, hour: string) {
    const checked = checkReminderTime(day, hour);
    if (!checked.ok) {
      saving.say(checked.message, true);
      return;
    }
    void save(checked.value, `Next reminder: ${DAYS[checked.value.day]} at ${hourLabel(checked.value.hour)}.`);
  }

  async function setNotifications(on: boolean) {
    if (!on) return save({ notifications: false }, 'Notifications are off.');
    // Asked for now, in answer to this click, and only if the user wants it.
    const granted = await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false);
    if (!granted) {
      saving.say('Notifications were not allowed, so they stay off. The badge still shows the number.', true);
      return;
    }
    return save({ notifications: true }, 'You will also get a notification with the weekly digest.');
  }

  return (
    <div class="reminders">
      <div class="row">
        <label class="field">
          <span>Day</span>
          <select value={String(value.day)} onChange={(e) => setTime(e.currentTarget.value, String(value.hour))}>
            {DAYS.map((d, i) => (
              <option key={d} value={String(i)}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>Time</span>
          <select value={String(value.hour)} onChange={(e) => setTime(String(value.day), e.currentTarget.value)}>
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={String(h)}>
                {hourLabel(h)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset class="choices">
        <legend>What the badge counts</legend>
        <label>
          <input
            type="radio"
            name="counts"
            checked={value.counts === 'red'}
            onChange={() => void save({ counts: 'red' }, 'The badge counts overdue (red) relationships.')}
          />
          Overdue (red) relationships
        </label>
        <label>
          <input
            type="radio"
            name="counts"
            checked={value.counts === 'red-amber'}
            onChange={() =>
              void save({ counts: 'red-amber' }, 'The badge counts overdue and due (red and amber) relationships.')
            }
          />
          Overdue and due (red and amber)
        </label>
        <label>
          <input
            type="checkbox"
            checked={value.highOnly}
            onChange={(e) =>
              void save(
                { highOnly: e.currentTarget.checked },
                e.currentTarget.checked ? 'Only high-priority relationships count.' : 'All priorities count.',
              )
            }
          />
          High priority only
        </label>
      </fieldset>
      <label class="check">
        <input
          type="checkbox"
          checked={value.notifications}
          onChange={(e) => void setNotifications(e.currentTarget.checked)}
        />
        Also show a notification with the digest (asks your browser's permission)
      </label>
      <CommandStatus state={saving} />
    </div>
  );
}
