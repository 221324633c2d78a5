import type { Component } from './content-lines';
import { isCancelled } from './entries';
import type { EventPeople } from './people';
import type { Plan } from './series';
import { dateKey, utcStamp, type Wall } from './wall';
import { toInstant, wallAt } from './zone';

/** One meeting of a series, as found: where it is, and whose copy of the event (the series' or a moved one) it is. */
export interface Instance {
  start: number;
  /** The instance's original start: its key in the series and the end of its Calendar id. */
  id: string;
  line: number;
  vevent: Component;
  title: string;
  people: EventPeople;
  end: number;
}

/** Whether an instance is cancelled: the series' own by the series' status, a moved one by its own. */
export const cancelled = (instance: Instance, plan: Plan) =>
  instance.vevent === plan.entry.vevent ? plan.masterCancelled : isCancelled(instance.vevent);

/**
 * A series' instances by id as they are found (its start, its rules', its added dates), less those it excludes.
 * Instances are keyed as Calendar keys them: the start in UTC, or the date for all-day events; a lone moved
 * instance keeps the id of the instance it moved (`loneId`, from its RECURRENCE-ID).
 */
export class SeriesInstances {
  readonly byId = new Map<string, Instance>();

  constructor(
    private readonly plan: Plan,
    private readonly loneId: string | null,
  ) {}

  /** The instant of a wall time of the series: all-day dates are in the floating zone. */
  instantOf(wall: Wall): number {
    return toInstant(this.plan.isDate ? this.plan.entry.book.floating : this.plan.zone, wall);
  }

  /** An instance that starts at `startMs` (`wall` in the series' time), lasting `ms` when it has a length of its own. */
  add(startMs: number, wall: Wall, ms?: number) {
    const { plan } = this;
    const id = this.loneId ?? (plan.isDate ? dateKey(wall) : utcStamp(startMs));
    if (plan.exdates.has(plan.isDate ? id : String(startMs))) return;
    if (!plan.isDate && plan.exdays.size > 0 && plan.exdays.has(dateKey(wallAt(plan.zone, startMs)))) return;
    const { vevent, title } = plan.entry;
    this.byId.set(id, {
      start: startMs,
      id,
      line: vevent.line,
      vevent,
      title,
      people: plan.people,
      end: this.endOf(startMs, wall, ms),
    });
  }

  private endOf(startMs: number, startWall: Wall, ms?: number): number {
    if (ms !== undefined) return startMs + ms;
    const { length } = this.plan;
    if ('ms' in length) return startMs + length.ms;
    return toInstant(this.plan.entry.book.floating, { ...startWall, day: startWall.day + length.days });
  }
}
