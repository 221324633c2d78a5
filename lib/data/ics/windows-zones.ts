import { WINDOWS_TO_IANA_MAP } from 'windows-iana';

/**
 * Windows time zone names, as Outlook and Exchange write them in TZID, to IANA names: the Windows id
 * ("Pacific Standard Time") through CLDR's windowsZones table (the package windows-iana ships it; the
 * "001" territory row is each Windows zone's main IANA zone), and Windows' display names
 * ("(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi"), which CLDR does not list, through the city names
 * they carry or, for the few without one, the table below.
 */

let byWindowsId: Map<string, string> | null = null;

function windowsIds(): Map<string, string> {
  if (!byWindowsId) {
    byWindowsId = new Map();
    for (const row of WINDOWS_TO_IANA_MAP) {
      const iana = row.iana[0];
      if (row.territory === '001' && iana) byWindowsId.set(row.windowsName.toLowerCase(), iana);
    }
  }
  return byWindowsId;
}

/** Windows display names that name no city, as Windows lists them, with the Windows id they belong to. */
const DISPLAY_NAMES: Record<string, string> = {
  'international date line west': 'Dateline Standard Time',
  'coordinated universal time-11': 'UTC-11',
  'aleutian islands': 'Aleutian Standard Time',
  hawaii: 'Hawaiian Standard Time',
  'marquesas islands': 'Marquesas Standard Time',
  alaska: 'Alaskan Standard Time',
  'coordinated universal time-09': 'UTC-09',
  'baja california': 'Pacific Standard Time (Mexico)',
  'coordinated universal time-08': 'UTC-08',
  'pacific time (us & canada)': 'Pacific Standard Time',
  arizona: 'US Mountain Standard Time',
  'mountain time (us & canada)': 'Mountain Standard Time',
  'central america': 'Central America Standard Time',
  'central time (us & canada)': 'Central Standard Time',
  'easter island': 'Easter Island Standard Time',
  saskatchewan: 'Canada Central Standard Time',
  'eastern time (us & canada)': 'Eastern Standard Time',
  'indiana (east)': 'US Eastern Standard Time',
  'atlantic time (canada)': 'Atlantic Standard Time',
  newfoundland: 'Newfoundland Standard Time',
  brasilia: 'E. South America Standard Time',
  greenland: 'Greenland Standard Time',
  'coordinated universal time-02': 'UTC-02',
  'cabo verde is.': 'Cape Verde Standard Time',
  'coordinated universal time': 'UTC',
  'west central africa': 'W. Central Africa Standard Time',
  'sri jayawardenepura': 'Sri Lanka Standard Time',
  'coordinated universal time+12': 'UTC+12',
  'coordinated universal time+13': 'UTC+13',
};

const REGIONS = ['Europe', 'America', 'Asia', 'Africa', 'Australia', 'Pacific', 'Atlantic', 'Indian', 'Antarctica'];
const DISPLAY = /^\((?:UTC|GMT)(?:([+-])(\d{1,2}):(\d{2}))?\)\s*(.+)$/i;

/** The IANA name a Windows zone name or display name stands for, or null. */
export function windowsZoneToIana(name: string): string | null {
  const trimmed = name.trim();
  const byId = windowsIds().get(trimmed.toLowerCase());
  if (byId) return byId;
  const display = DISPLAY.exec(trimmed);
  if (!display) return null;
  const [, sign, hours, minutes, rest = ''] = display;
  const listed = DISPLAY_NAMES[rest.trim().toLowerCase()];
  if (listed) return windowsIds().get(listed.toLowerCase()) ?? null;
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000 : 0;
  for (const city of rest.split(',')) {
    const words = city
      .trim()
      .replace(/^City of /i, '')
      .replace(/\./g, '')
      .replace(/\s+/g, '_');
    if (!/^[A-Za-z_-]{2,40}$/.test(words)) continue;
    for (const region of REGIONS) {
      const candidate = `${region}/${words}`;
      if (standardOffset(candidate) === offset) return candidate;
    }
  }
  return null;
}

/** The zone's standard (smaller) offset this year, in ms, or null when Intl does not know the zone. */
function standardOffset(zone: string): number | null {
  let f: Intl.DateTimeFormat;
  try {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  } catch {
    return null;
  }
  const year = new Date().getUTCFullYear();
  const offsets = [Date.UTC(year, 0, 15), Date.UTC(year, 6, 15)].map((t) => {
    const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(f.format(t));
    return m?.[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
  });
  return Math.min(...offsets);
}
