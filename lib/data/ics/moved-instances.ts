import type { Property } from './content-lines';
import { type Entry, isCancelled, isThisAndFuture } from './entries';
import type { Instance } from './instances';
import { type Context, resolve, skip } from './read-context';
import { type Plan, planSeries } from './series';
import { readTimeProp } from './values';
import { dateKey, utcStamp, wallMs } from './wall';
import { toInstant, wallAt } from './zone';

/**
 * A series' moved and cancelled instances (RECURRENCE-ID), applied to the instances its rules gave: each replaces
 * the instance it names, and an edit of this and all later instances (RANGE=THISANDFUTURE) moves them all.
 * `coveredFrom` is where the series is known in full from (older instances may have been left out).
 */
export function applyExceptions(plan: Plan, instances: Map<string, Instance>, coveredFrom: number, ctx: Context) {
  const ranged = plan.exceptions.filter(isThisAndFuture);
  if (ranged.length > 0) applyThisAndFuture(ranged, plan, instances, ctx);
  for (const exception of plan.exceptions) applyException(exception, plan, instances, coveredFrom, ctx);
}

/** Where a moved instance moved to: its start, end, title and people, or null when it cannot be read. */
function movedTo(exception: Entry, ctx: Context): Omit<Instance, 'id'> | null {
  const moved = planSeries(exception, [], ctx, true);
  if (!moved) return null;
  const end =
    'ms' in moved.length
      ? moved.startMs + moved.length.ms
      : toInstant(exception.book.floating, { ...moved.start, day: moved.start.day + moved.length.days });
  return {
    start: moved.startMs,
    line: exception.vevent.line,
    vevent: exception.vevent,
    title: exception.title,
    people: moved.people,
    end,
  };
}

/**
 * RANGE=THISANDFUTURE: an edit of one instance that holds for every later one too. Each later instance moves by
 * as much as the edited one moved, and takes its length, title and people; of several such edits, the latest
 * before an instance holds. (The edited instance itself is moved as any other moved instance.)
 */
function applyThisAndFuture(ranged: Entry[], plan: Plan, instances: Map<string, Instance>, ctx: Context) {
  const edits: Array<{ from: number; shift: number; moved: Omit<Instance, 'id'> }> = [];
  for (const exception of ranged) {
    const value = exception.recurrence ? readTimeProp(exception.recurrence) : null;
    if (!value || isCancelled(exception.vevent)) continue;
    const from = plan.isDate ? toInstant(plan.entry.book.floating, value.wall) : resolve(value, exception, ctx).instant;
    const moved = movedTo(exception, ctx);
    if (moved) edits.push({ from, shift: moved.start - from, moved });
  }
  edits.sort((a, b) => a.from - b.from);
  for (const instance of instances.values()) {
    let edit: (typeof edits)[number] | undefined;
    for (const e of edits) if (e.from < instance.start) edit = e;
    if (!edit) continue;
    const start = instance.start + edit.shift;
    instances.set(instance.id, {
      ...edit.moved,
      id: instance.id,
      start,
      end: start + (edit.moved.end - edit.moved.start),
    });
  }
}

/**
 * A moved (or cancelled) instance replaces the instance its RECURRENCE-ID names, or is one of its own. One
 * that names an instance the series no longer has (its series was edited since, with a higher SEQUENCE, to
 * exclude or end before it) is gone with it.
 */
function applyException(
  exception: Entry,
  plan: Plan,
  instances: Map<string, Instance>,
  coveredFrom: number,
  ctx: Context,
) {
  const recurrence = exception.recurrence;
  if (!recurrence) return;
  const value = readTimeProp(recurrence);
  if (!value) {
    skip(ctx, exception, `the instance it moves (RECURRENCE-ID:${recurrence.value.slice(0, 40)}) is not a date`);
    return;
  }
  const id = recurrenceKey(recurrence, plan, instances, ctx, exception);
  if (!id) return;
  const original = instances.get(id);
  if (isCancelled(exception.vevent)) {
    // Kept as cancelled, to be counted; a cancelled instance needs no start of its own.
    if (original) instances.set(id, { ...original, vevent: exception.vevent, line: exception.vevent.line });
    return;
  }
  if (!original && exception.sequence < plan.entry.sequence) {
    const at = plan.isDate ? toInstant(plan.entry.book.floating, value.wall) : resolve(value, exception, ctx).instant;
    if (at >= coveredFrom && at <= ctx.options.until) return;
  }
  const moved = movedTo(exception, ctx);
  if (!moved) {
    instances.delete(id); // where it moved to cannot be read: the original time is not a fact either
    return;
  }
  instances.set(id, { ...moved, id });
}

/**
 * The id of the instance a RECURRENCE-ID names: its start in UTC, or its date in an all-day series (Outlook
 * writes an all-day series' moved instance as RECURRENCE-ID;TZID=…:20260226T000000: its date is the day). A
 * date against a timed series names that day's instance.
 */
export function recurrenceKey(
  prop: Property,
  plan: Plan,
  instances: Map<string, Instance>,
  ctx: Context,
  entry: Entry = plan.entry,
): string | null {
  const value = readTimeProp(prop);
  if (!value) return null;
  const floating = plan.entry.book.floating;
  if (plan.isDate) return value.kind === 'utc' ? dateKey(wallAt(floating, wallMs(value.wall))) : dateKey(value.wall);
  if (value.kind === 'date') {
    const day = dateKey(value.wall);
    for (const i of instances.values()) if (dateKey(wallAt(plan.zone, i.start)) === day) return i.id;
    return day;
  }
  return utcStamp(resolve(value, entry, ctx).instant);
}
