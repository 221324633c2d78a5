import { useCommand } from '../../lib/ui/use-command';
import { CommandStatus } from '../CommandStatus';

export interface PrepSectionProps {
  /** Whether "Before you meet" shows in Calendar's event card. */
  value: boolean;
  onSave(value: boolean): Promise<void>;
}

/** "Before you meet" on or off: off, Bridges puts no frame in Calendar's card at all. */
export function PrepSection({ value, onSave }: PrepSectionProps) {
  const saving = useCommand();
  const save = (on: boolean) =>
    void saving.run(
      () => onSave(on),
      on
        ? '"Before you meet" shows in the next event you open.'
        : '"Before you meet" is off: Calendar\'s cards show only the Log control.',
      'Not saved:',
    );

  return (
    <div class="prep-setting">
      <label class="check">
        <input type="checkbox" checked={value} onChange={(e) => save(e.currentTarget.checked)} />
        Show "Before you meet" when I open a meeting in Google Calendar
      </label>
      <CommandStatus state={saving} />
    </div>
  );
}
