import { Refusal } from '../refusal';

const isQuota = (error: unknown) => nameOf(error) === 'QuotaExceededError' || innerName(error) === 'QuotaExceededError';
const isClosed = (error: unknown) =>
  ['DatabaseClosedError', 'InvalidStateError'].includes(nameOf(error)) || innerName(error) === 'InvalidStateError';
const nameOf = (error: unknown) => (error instanceof Error || error instanceof DOMException ? error.name : '');
const innerName = (error: unknown) => (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';

/** Says what went wrong in words a person can act on: what happened, and what to do. */
export function describeFailure(error: unknown): string {
  if (error instanceof Refusal) return error.message;
  if (isQuota(error)) {
    return "Your disk is full, or the browser's storage for Bridges is: nothing was saved. Free some space, then try again.";
  }
  if (isClosed(error)) {
    return 'Bridges could not open its database (the browser may be shutting down): nothing was saved. Try again.';
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `Something went wrong in Bridges, and nothing was saved: ${detail}`;
}

/** Why something failed, as a clause for a sentence that says itself what was and was not done. */
export function causeOf(error: unknown): string {
  if (isQuota(error)) return "your disk is full, or the browser's storage for Bridges is";
  if (isClosed(error)) return 'the browser may be shutting down';
  const detail = error instanceof Error ? error.message : String(error);
  return detail.replace(/[.!?]$/, '');
}
