import { RELATIONSHIP_KINDS } from '../lib/db/types';
import { KIND_LABELS } from '../lib/relationships/labels';

/** The options of a "kind of relationship" select: every kind, after the given first option. */
export function KindOptions({ none }: { none: string }) {
  return (
    <>
      <option value="">{none}</option>
      {RELATIONSHIP_KINDS.map((k) => (
        <option key={k} value={k}>
          {KIND_LABELS[k]}
        </option>
      ))}
    </>
  );
}
