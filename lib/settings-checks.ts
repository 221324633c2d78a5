import * as v from 'valibot';
import { checkFeedAddress } from './feed/address';
import {
  CadenceDefaultsSchema,
  CatchUpSettingsSchema,
  Count,
  Email,
  Instant,
  InternalDomainsSetting,
  LIMITS,
  List,
  MeetingRulesSchema,
  MyEmailsSetting,
  PrepCollapsedSchema,
  PrepPanelSchema,
  ReminderSettingsSchema,
  Text,
} from './schema';
import { checkSettingWith } from './settings-read';
import type { SettingName, Settings } from './settings-schema';

/**
 * The schema of every setting, checked when it is written AND when it is read: a value in the database that
 * no longer passes (written by an older release, or by anything but the background) is ignored and said,
 * never used.
 */
const IsoWeek = v.pipe(v.string(), v.regex(/^\d{4}-W\d{2}$/, 'A week is written like 2026-W49.'));
const IsoDay = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'A day is written like 2026-12-06.'));

/** A feed's address: only a calendar's secret iCal address, exactly as the check accepts it when entered. */
const FeedAddress = v.pipe(
  v.string(),
  v.maxLength(600, 'This address is too long to be a calendar address.'),
  v.check((url) => {
    const checked = checkFeedAddress(url);
    return checked.ok && checked.url === url;
  }, "This is not a calendar's secret iCal address."),
);

export const SETTING_SCHEMAS = {
  meetingRules: MeetingRulesSchema,
  myEmails: MyEmailsSetting,
  internalDomains: InternalDomainsSetting,
  cadenceDefaults: CadenceDefaultsSchema,
  weeklyPick: v.nullable(v.strictObject({ week: IsoWeek, email: v.nullable(Email) })),
  reminders: ReminderSettingsSchema,
  reminderState: v.strictObject({
    lastFiredWeek: v.nullable(IsoWeek),
    active: v.boolean(),
    installedAt: v.nullable(Instant),
  }),
  ownAddresses: v.strictObject({
    sightings: v.pipe(
      v.array(v.strictObject({ email: Email, days: v.pipe(v.array(IsoDay), v.maxLength(31)), lastSeen: Instant })),
      v.maxLength(LIMITS.listLength),
    ),
    learned: List(Email, LIMITS.listLength, 'Learned addresses'),
    notMe: List(Email, LIMITS.listLength, 'Addresses that are not yours'),
  }),
  feedSettings: v.strictObject({
    enabled: v.boolean(),
    feeds: v.pipe(
      v.array(
        v.strictObject({ id: Text(LIMITS.id, 'A feed id'), url: FeedAddress, calendar: Text(LIMITS.calendarId) }),
      ),
      v.maxLength(10, 'Bridges syncs at most 10 calendars.'),
    ),
  }),
  feedStatus: v.strictObject({
    lastSyncAt: v.nullable(Instant),
    lastAdded: Count,
    lastRemoved: Count,
    totalAdded: Count,
    error: v.nullable(
      v.strictObject({
        problem: Text(40),
        message: Text(LIMITS.title),
        at: Instant,
        calendar: Text(LIMITS.calendarId),
      }),
    ),
  }),
  feedSyncState: v.pipe(
    v.record(
      Text(LIMITS.id),
      v.strictObject({
        etag: v.nullable(Text(LIMITS.title)),
        lastModified: v.nullable(Text(200)),
        instances: v.record(Text(LIMITS.key), Text(200)),
      }),
    ),
    v.check((state) => Object.keys(state).length <= 10, 'Bridges syncs at most 10 calendars.'),
  ),
  catchUp: CatchUpSettingsSchema,
  prepPanel: PrepPanelSchema,
  prepCollapsed: PrepCollapsedSchema,
} as const satisfies { [N in SettingName]: v.GenericSchema<unknown, Settings[N]> };

export type SettingCheck<N extends SettingName> = { ok: true; value: Settings[N] } | { ok: false; problem: string };

/** A stored or offered value of a setting, checked by its schema: the value to use, or what is wrong with it. */
export function checkSetting<N extends SettingName>(name: N, raw: unknown): SettingCheck<N> {
  return checkSettingWith(name, raw, SETTING_SCHEMAS[name] as unknown as v.GenericSchema<unknown, Settings[N]>);
}
