/**
 * The message protocol's types, derived from the table of commands (lib/commands/index.ts), and a sender
 * over any runtime. Only types are imported from the table, so a page that sends commands does not carry their
 * schemas or code. No browser import here: the popup passes its own (lib/popup/native-browser.ts); everything
 * else uses lib/messaging.ts.
 */
import type * as v from 'valibot';
import type { CommandName, Commands } from './commands';

export type { CommandName };
/** What a sender passes: the command's input before the background checks (and normalises) it. */
export type RequestOf<K extends CommandName> = v.InferInput<Commands[K]['input']>;
/** What the background answers. */
export type ResponseOf<K extends CommandName> = Awaited<ReturnType<Commands[K]['run']>>;

export interface Envelope {
  command: string;
  data: unknown;
}
export type Reply = { ok: true; value: unknown } | { ok: false; error: string };

/** The part of `runtime` a sender needs, so that a page may pass the browser it talks to. */
export interface MessageRuntime {
  sendMessage(message: unknown): Promise<unknown>;
}

/** The background did not answer at all: the extension was updated, reloaded or is shutting down. */
export class NoAnswer extends Error {
  override name = 'NoAnswer';
}

const NO_ANSWER =
  'Bridges did not answer: it may have just been updated or restarted. Reload this page, then try again.';

/** A typed sender over `runtime`. A refusal rejects with the background's sentence. */
export function createSender(runtime: MessageRuntime) {
  return async function send<K extends CommandName>(name: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
    let reply: Reply | undefined;
    try {
      reply = (await runtime.sendMessage({ command: name, data: request } satisfies Envelope)) as Reply | undefined;
    } catch {
      throw new NoAnswer(NO_ANSWER);
    }
    if (!reply) throw new NoAnswer(NO_ANSWER);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as ResponseOf<K>;
  };
}
