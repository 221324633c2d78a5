import * as v from 'valibot';
import { type AppDB, MOVE_FROM_LOCAL_STORAGE } from '../db/app-db';
import type { HeldClick } from '../db/types';
import { CalendarEventSchema } from '../logging/event-schema';
import { judgeClick, meetingOf } from '../logging/meeting-log';
import { Instant } from '../schema';
import { getSettings, type SettingProblem, settingFromRow } from '../settings';
import type { SettingName } from '../settings-schema';

/**
 * The settings releases before schema version 5 kept in the extension's local storage, frozen as they were: a
 * setting added since has never lived there, so nothing written there under its name is ever taken in.
 */
const LEGACY_SETTINGS = [
  'meetingRules',
  'myEmails',
  'internalDomains',
  'cadenceDefaults',
  'weeklyPick',
  'reminders',
  'reminderState',
  'ownAddresses',
  'feedSettings',
  'feedStatus',
  'feedSyncState',
] as const satisfies readonly SettingName[];

/** Every key of theirs in local storage: the settings and the clicks held during a restore. */
const LEGACY_LOCAL_KEYS = [...LEGACY_SETTINGS, 'heldLogs'] as const;

/** The part of `storage.local` the move uses (tests pass fakeBrowser's). */
export interface LegacyArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  clear(): Promise<void>;
}

/** A click those releases kept during a restore: the whole card, which the rules judge again here. */
const LegacyHeldLog = v.strictObject({
  event: CalendarEventSchema,
  confirmed: v.boolean(),
  logAnyway: v.boolean(),
  at: Instant,
  people: v.number(),
});

export interface MoveReport {
  moved: SettingName[];
  /** Stored values that failed their check: left behind, and said. */
  refused: SettingProblem[];
  /** Clicks held during a restore, judged again and kept as held clicks. */
  heldClicks: number;
}

/**
 * Moves the settings from the extension's local storage into the database, once: only when version 5's upgrade
 * marked the move as due (an existing install), so that nothing written to local storage after it (Firefox
 * lets a content script write there) is ever taken in. Each value is checked as if the user had entered it;
 * one that fails is left behind and said. Local storage is emptied at every start either way.
 */
export async function moveSettingsFromLocalStorage(db: AppDB, area: LegacyArea): Promise<MoveReport> {
  const report: MoveReport = { moved: [], refused: [], heldClicks: 0 };
  if (await db.settings.get(MOVE_FROM_LOCAL_STORAGE)) {
    const stored = await area.get([...LEGACY_LOCAL_KEYS]);
    await db.transaction('rw', db.settings, async () => {
      for (const name of LEGACY_SETTINGS) {
        if (stored[name] === undefined || (await db.settings.get(name))) continue;
        const { problem } = settingFromRow(name, { name, value: stored[name] });
        if (problem) report.refused.push(problem);
        else {
          await db.settings.put({ name, value: stored[name] });
          report.moved.push(name);
        }
      }
      await db.settings.delete(MOVE_FROM_LOCAL_STORAGE);
    });
    const held = Array.isArray(stored.heldLogs) ? stored.heldLogs : [];
    const clicks = await judgeLegacyClicks(db, held);
    await db.heldClicks.bulkPut(clicks);
    report.heldClicks = clicks.length;
    for (const problem of report.refused) console.warn(`Bridges: ${problem.message}`);
  }
  // Bridges keeps nothing there any more: whatever is there was left by an old release or written by a content
  // script, and goes.
  await area.clear();
  return report;
}

async function judgeLegacyClicks(db: AppDB, held: unknown[]): Promise<HeldClick[]> {
  const { meetingRules, myEmails } = await getSettings(db, ['meetingRules', 'myEmails']);
  const out: HeldClick[] = [];
  for (const raw of held.slice(0, 1000)) {
    const parsed = v.safeParse(LegacyHeldLog, raw);
    if (!parsed.success) continue;
    const { event, confirmed, logAnyway, at } = parsed.output;
    const { verdict } = judgeClick(event, { now: at, myEmails, rules: meetingRules, confirmed, logAnyway });
    if (verdict)
      out.push({ id: crypto.randomUUID(), at, meeting: meetingOf(event, verdict.attendees, 'google-calendar', at) });
  }
  return out;
}
