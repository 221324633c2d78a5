import { RELATIONSHIP_KINDS } from '../lib/db/types';
import { KIND_LABELS } from '../lib/relationships/labels';

/** The options of a "kind of relationship" select: every kind, after the "none" option (value "" by default). */
export function KindOptions({ none, noneValue = '' }: { none: string; noneValue?: string }) {
  return (
    <>
      <option value={noneValue}>{none}</option>
      {RELATIONSHIP_KINDS.map((k) => (
        <option key={k} value={k}>
          {KIND_LABELS[k]}
        </option>
      ))}
    </>
  );
}
