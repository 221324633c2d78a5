import { useState } from 'preact/hooks';

export interface PrepSectionProps {
  /** Whether "Before you meet" shows in Calendar's event card. */
  value: boolean;
  onSave(value: boolean): Promise<void>;
}

/** "Before you meet" on or off: off, Bridges puts no frame in Calendar's card at all. */
export function PrepSection({ value, onSave }: PrepSectionProps) {
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');

  async function save(on: boolean) {
    setError('');
    setSaved('');
    try {
      await onSave(on);
      setSaved(
        on
          ? '"Before you meet" shows in the next event you open.'
          : '"Before you meet" is off: Calendar\'s cards show only the Log control.',
      );
    } catch (e) {
      setError(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <div class="prep-setting">
      <label class="check">
        <input type="checkbox" checked={value} onChange={(e) => void save(e.currentTarget.checked)} />
        Show "Before you meet" when I open a meeting in Google Calendar
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {saved && !error && (
        <p class="saved" role="status">
          {saved}
        </p>
      )}
    </div>
  );
}
