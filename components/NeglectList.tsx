import { useEffect, useState } from 'preact/hooks';
import type { Group } from '../lib/db/types';
import type { PersonPatch } from '../lib/people/inputs';
import type { PeopleActions } from '../lib/popup/actions';
import type { RankedPerson } from '../lib/relationships/rank';
import { afterPaintOf } from '../lib/ui/after-paint';
import { FIRST_ROW_MARK, type OpenPanel, PersonRow } from './PersonRow';

export const PAGE_SIZE = 25;
/** Rows in the very first paint (what a 600 px popup shows); the rest of the page follows right after it. */
export const FIRST_PAINT_ROWS = 10;

export interface NeglectListProps {
  entries: readonly RankedPerson[];
  /**
   * How many the whole list holds, where `entries` are only its first (the popup's kept first screen, until the live
   * data has everyone); `entries.length` otherwise.
   */
  total?: number;
  groups: ReadonlyMap<string, Group>;
  internalDomains: readonly string[];
  now: number;
  actions: PeopleActions;
  label: string;
  onChanged(email: string, message: string, patch?: PersonPatch): void;
}

/** The ranked people, a page at a time, with at most one row's panel open. */
export function NeglectList({
  entries,
  total = entries.length,
  groups,
  internalDomains,
  now,
  actions,
  label,
  onChanged,
}: NeglectListProps) {
  const [shown, setShown] = useState(FIRST_PAINT_ROWS);
  useEffect(() => {
    let mounted = true;
    void afterPaintOf(FIRST_ROW_MARK).then(() => mounted && setShown((n) => Math.max(n, PAGE_SIZE)));
    return () => {
      mounted = false;
    };
  }, []);
  const [open, setOpen] = useState<{ email: string; panel: OpenPanel } | null>(null);
  const visible = entries.slice(0, shown);
  return (
    <>
      <ul class="people" aria-label={label}>
        {visible.map((entry, index) => (
          <PersonRow
            first={index === 0}
            key={entry.person.email}
            entry={entry}
            groups={groups}
            internalDomains={internalDomains}
            now={now}
            actions={actions}
            open={open?.email === entry.person.email ? open.panel : null}
            onToggle={(panel) => setOpen(panel ? { email: entry.person.email, panel } : null)}
            onChanged={(message, patch) => {
              setOpen(null);
              onChanged(entry.person.email, message, patch);
            }}
          />
        ))}
      </ul>
      {total > shown && (
        <button type="button" class="more" onClick={() => setShown(shown + PAGE_SIZE)}>
          Show {Math.min(PAGE_SIZE, total - shown)} more of {total - shown}
        </button>
      )}
    </>
  );
}
