import { DEFAULT_MEETING_RULES, type MeetingRules } from './logging/rules';
import { type CadenceDefaults, DEFAULT_CADENCES } from './relationships/cadence';

/** The week's stretch pick, kept for the whole ISO week it was chosen in. */
export interface WeeklyPick {
  week: string;
  email: string | null;
}

/** Every small setting: its storage key and the value it has until the user sets one. */
export interface Settings {
  meetingRules: MeetingRules;
  myEmails: string[];
  internalDomains: string[];
  cadenceDefaults: CadenceDefaults;
  weeklyPick: WeeklyPick | null;
}

export const SETTING_KEYS = {
  meetingRules: 'local:meetingRules',
  myEmails: 'local:myEmails',
  internalDomains: 'local:internalDomains',
  cadenceDefaults: 'local:cadenceDefaults',
  weeklyPick: 'local:weeklyPick',
} as const satisfies Record<keyof Settings, `local:${string}`>;

/** The settings the popup needs for its first paint. */
export const POPUP_SETTINGS = ['myEmails', 'internalDomains', 'cadenceDefaults'] as const satisfies (keyof Settings)[];

export const SETTING_FALLBACKS: Settings = {
  meetingRules: DEFAULT_MEETING_RULES,
  myEmails: [],
  internalDomains: [],
  cadenceDefaults: DEFAULT_CADENCES,
  weeklyPick: null,
};
