import { storage } from 'wxt/utils/storage';
import { DEFAULT_MEETING_RULES, type MeetingRules } from './logging/rules';

/** Small settings live in extension storage; records live in Dexie. */
export const meetingRulesItem = storage.defineItem<MeetingRules>('local:meetingRules', {
  fallback: DEFAULT_MEETING_RULES,
  version: 1,
});

/** The user's own addresses, learned from Calendar's signed-in account when they log a meeting. */
export const myEmailsItem = storage.defineItem<string[]>('local:myEmails', {
  fallback: [],
  version: 1,
});
