import { MAX_CADENCE_DAYS } from '../lib/relationships/cadence';

export interface DaysInputProps {
  /** The number as typed: a form checks the pair with lib/settings-validation.ts `checkCadence` when it saves. */
  value: string;
  onValue(text: string): void;
  class?: string;
  'aria-label'?: string;
  placeholder?: string;
}

/** One of a cadence's two numbers of days, every form's: the browser's own bounds are the cadence rule's. */
export function DaysInput({ value, onValue, ...rest }: DaysInputProps) {
  return (
    <input
      {...rest}
      type="number"
      min={1}
      max={MAX_CADENCE_DAYS}
      value={value}
      onInput={(e) => onValue(e.currentTarget.value)}
    />
  );
}
