/**
 * The message protocol's names and types, and a sender over any runtime. No browser import here: the popup
 * passes its own (lib/popup/native-browser.ts); everything else uses lib/messaging.ts.
 */
import type { CalendarEvent } from './calendar/google/card';
import type { LogOutcome, MeetingStatus } from './logging/service';
import type { ContactInput, PersonPatch } from './people/schemas';
import type { ContactOutcome } from './people/service';

/**
 * The one message protocol between the content script, the background and the extension's pages: each
 * message name maps to its request and its response. Only the background answers; it is the only writer.
 */
export interface ProtocolMap {
  /**
   * Log the event shown in a Calendar card. `confirmed` is the second click on a large meeting; `logAnyway`
   * the user's "Log anyway" when the page could not tell whether they declined.
   */
  logMeeting: { request: { event: CalendarEvent; confirmed: boolean; logAnyway?: boolean }; response: LogOutcome };
  /** Whether an event (by its instance's id) is already in the log. */
  meetingStatus: { request: { eventId: string }; response: MeetingStatus };
  /** Log a call, coffee, chat or message with someone, dated when it happened. */
  logContact: { request: ContactInput; response: ContactOutcome };
  /** Change people: priority, kind, cadence, team, ignore, snooze, group. */
  updatePeople: { request: { emails: string[]; patch: PersonPatch }; response: { updated: number } };
  /** This week's stretch pick (chosen once, kept all week). */
  weeklyPick: { request: Record<string, never>; response: { email: string | null } };
  /** The popup was opened: the week's reminder has been seen, the badge clears until next week. */
  reminderSeen: { request: Record<string, never>; response: { ok: true } };
  /** One person, two addresses: `gone`'s history joins `keep`'s. */
  mergePeople: { request: { keep: string; gone: string }; response: { ok: true } };
  /** Delete a person and their name from every meeting. */
  deletePerson: { request: { email: string }; response: { ok: true } };
  /** Create (no id) or rename a group. */
  saveGroup: { request: { id?: string; name: string; kind: 'department' | 'organisation' }; response: { id: string } };
  deleteGroup: { request: { id: string }; response: { ok: true } };
  /** A page wrote records itself (restore, import, delete all): recount a standing reminder. */
  dataChanged: { request: Record<string, never>; response: { ok: true } };
}

export type MessageName = keyof ProtocolMap;
export type RequestOf<K extends MessageName> = ProtocolMap[K]['request'];
export type ResponseOf<K extends MessageName> = ProtocolMap[K]['response'];

/** Every message has a handler: the type makes a missing one a compile error. */
export type Handlers = { [K in MessageName]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

export interface Envelope {
  bridges: MessageName;
  data: unknown;
}
export type Reply = { ok: true; value: unknown } | { ok: false; error: string };

// Every name once: the type makes a missing or unknown name a compile error.
const NAME_SET: Record<MessageName, true> = {
  logMeeting: true,
  meetingStatus: true,
  logContact: true,
  updatePeople: true,
  weeklyPick: true,
  reminderSeen: true,
  mergePeople: true,
  deletePerson: true,
  saveGroup: true,
  deleteGroup: true,
  dataChanged: true,
};
const NAMES = Object.keys(NAME_SET) as MessageName[];

export function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    NAMES.includes((message as { bridges?: unknown }).bridges as MessageName)
  );
}

/** The part of `runtime` a sender needs, so that a page may pass the browser it talks to. */
export interface MessageRuntime {
  sendMessage(message: unknown): Promise<unknown>;
}

/** A typed sender over `runtime`. */
export function createSender(runtime: MessageRuntime) {
  return async function send<K extends MessageName>(name: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
    const reply = (await runtime.sendMessage({ bridges: name, data: request } satisfies Envelope)) as Reply | undefined;
    if (!reply) throw new Error(`Nothing answered "${name}".`);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as ResponseOf<K>;
  };
}

export const MESSAGE_NAMES = NAMES;
