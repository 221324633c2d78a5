import { storage } from 'wxt/utils/storage';
import { DEFAULT_MEETING_RULES, type MeetingRules } from './logging/rules';
import { type CadenceDefaults, DEFAULT_CADENCES } from './relationships/cadence';

/** Small settings live in extension storage; records live in Dexie. */
export const meetingRulesItem = storage.defineItem<MeetingRules>('local:meetingRules', {
  fallback: DEFAULT_MEETING_RULES,
  version: 1,
});

/** The user's own addresses, learned from Calendar's signed-in account when they log a meeting, and editable. */
export const myEmailsItem = storage.defineItem<string[]>('local:myEmails', {
  fallback: [],
  version: 1,
});

/** Email domains of the user's own company: people there are colleagues (on the team or not). */
export const internalDomainsItem = storage.defineItem<string[]>('local:internalDomains', {
  fallback: [],
  version: 1,
});

/** Ideal and maximum days between contacts, by priority. */
export const cadenceDefaultsItem = storage.defineItem<CadenceDefaults>('local:cadenceDefaults', {
  fallback: DEFAULT_CADENCES,
  version: 1,
});

/** The week's stretch pick, kept for the whole ISO week it was chosen in. */
export interface WeeklyPick {
  week: string;
  email: string | null;
}
export const weeklyPickItem = storage.defineItem<WeeklyPick | null>('local:weeklyPick', {
  fallback: null,
  version: 1,
});
