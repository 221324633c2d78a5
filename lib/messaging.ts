import { browser } from 'wxt/browser';
import type { CalendarEvent } from './calendar/google/card';
import type { LogOutcome, MeetingStatus } from './logging/service';

/**
 * The one message protocol between the content script, the background and the extension's pages: each
 * message name maps to its request and its response. Only the background answers; it is the only writer.
 */
export interface ProtocolMap {
  /** Log the event shown in a Calendar card. `confirmed` is the second click on a large meeting. */
  logMeeting: { request: { event: CalendarEvent; confirmed: boolean }; response: LogOutcome };
  /** Whether an event (by its instance's id) is already in the log. */
  meetingStatus: { request: { eventId: string }; response: MeetingStatus };
}

export type MessageName = keyof ProtocolMap;
export type RequestOf<K extends MessageName> = ProtocolMap[K]['request'];
export type ResponseOf<K extends MessageName> = ProtocolMap[K]['response'];

/** Every message has a handler: the type makes a missing one a compile error. */
export type Handlers = { [K in MessageName]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

interface Envelope {
  bridges: MessageName;
  data: unknown;
}
type Reply = { ok: true; value: unknown } | { ok: false; error: string };

const NAMES: readonly MessageName[] = ['logMeeting', 'meetingStatus'] satisfies MessageName[];

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    NAMES.includes((message as { bridges?: unknown }).bridges as MessageName)
  );
}

export async function sendMessage<K extends MessageName>(name: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = (await browser.runtime.sendMessage({ bridges: name, data: request } satisfies Envelope)) as
    | Reply
    | undefined;
  if (!reply) throw new Error(`Nothing answered "${name}".`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ResponseOf<K>;
}

/** Answers the protocol's messages with `handlers`. Returns a function that stops answering. */
export function onMessages(handlers: Handlers): () => void {
  const listener = (message: unknown): Promise<Reply> | undefined => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.bridges] as (request: unknown) => Promise<unknown>;
    return handler(message.data).then(
      (value): Reply => ({ ok: true, value }),
      (error: unknown): Reply => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export const MESSAGE_NAMES = NAMES;
