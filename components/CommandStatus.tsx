import type { CommandState } from '../lib/ui/use-command';

/** What an action is doing or did: a progress bar while it runs, then a sentence (an alert when it failed). */
export function CommandStatus({ state, label = 'Progress' }: { state: CommandState; label?: string }) {
  return (
    <>
      {state.busy && (
        <progress max={100} value={state.progress ?? undefined} aria-label={label}>
          {state.progress === null ? '' : `${state.progress}%`}
        </progress>
      )}
      {state.busy && state.step && (
        <p class="muted step" aria-live="polite">
          {state.step}
        </p>
      )}
      {state.message && (
        <p class={state.message.error ? 'error' : 'saved'} role={state.message.error ? 'alert' : 'status'}>
          {state.message.text}
        </p>
      )}
    </>
  );
}
