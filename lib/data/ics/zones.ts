import { type Component, firstProp } from './content-lines';
import { ianaZone } from './iana-zones';
import { readVtimezone } from './vtimezone';
import { windowsZoneToIana } from './windows-zones';
import { UTC, type Zone } from './zone';

/**
 * The zones of one file: what its TZIDs mean, resolved once each. A TZID is read, in this order, as: an IANA
 * name (also at the end of a path, "/mozilla.org/…/Europe/Berlin"); a Windows zone name ("W. Europe Standard
 * Time", through CLDR's windowsZones table) or Outlook's display name ("(UTC+05:30) Chennai, Kolkata, Mumbai,
 * New Delhi"); the file's own VTIMEZONE of that name. IANA data comes first because it knows each zone's
 * history, where a VTIMEZONE often carries only today's rules.
 */
export class ZoneBook {
  private readonly defined = new Map<string, Component>();
  private readonly resolved = new Map<string, Zone | null>();
  /** Floating times and all-day dates: the calendar's own zone (X-WR-TIMEZONE), else the reader's. */
  readonly floating: Zone;

  constructor(vtimezones: readonly Component[], calendarZone: string | null, readerZone: string) {
    for (const c of vtimezones) {
      const tzid = firstProp(c, 'TZID')?.value.trim();
      if (tzid && !this.defined.has(tzid)) this.defined.set(tzid, c);
    }
    this.floating = (calendarZone && this.get(calendarZone)) || ianaZone(readerZone) || UTC;
  }

  /** The zone a TZID names, or null when neither the browser nor the file knows it. */
  get(tzid: string): Zone | null {
    let zone = this.resolved.get(tzid);
    if (zone === undefined) {
      zone = this.lookUp(tzid);
      this.resolved.set(tzid, zone);
    }
    return zone;
  }

  private lookUp(tzid: string): Zone | null {
    const name = tzid.trim();
    const parts = name.split('/').filter(Boolean);
    for (let i = Math.max(0, parts.length - 3); i < parts.length; i++) {
      const zone = ianaZone(parts.slice(i).join('/'));
      if (zone) return zone;
    }
    const windows = windowsZoneToIana(name);
    if (windows) return ianaZone(windows);
    const component =
      this.defined.get(name) ?? [...this.defined].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
    return component ? readVtimezone(component) : null;
  }
}
