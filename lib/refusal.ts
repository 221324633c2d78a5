/**
 * A refusal a person should read: thrown by a command or the service it calls, carried to the sender as its
 * message. Any other error is described by the dispatcher (lib/commands/failure.ts). It lives below every
 * layer, so that a service can refuse without importing the commands above it.
 */
export class Refusal extends Error {
  override name = 'Refusal';
}
