import { useCallback, useRef, useState } from 'preact/hooks';

/** Where an action that sends commands stands: running (with progress), done (a sentence) or failed (a sentence). */
export interface CommandState {
  busy: boolean;
  /** 0-100 while a long action reports progress, else null. */
  progress: number | null;
  /** What a long action is doing now ("Reading the file…"), or null. */
  step: string | null;
  message: { text: string; error: boolean } | null;
}

/** Progress of a long action: how far (0 of 0 when unknown), and what it is doing now. */
export type Progress = (done: number, total: number, step?: string) => void;

/**
 * A sentence for the user; an error when something the user asked for did not (wholly) happen; null when the
 * page says it elsewhere (the popup's toast), so that nothing is shown here.
 */
export type Said = string | { text: string; error: boolean } | null;

export interface CommandRunner extends CommandState {
  /**
   * Runs `task` (which sends one or more commands), showing its progress, then `done` (a sentence, or one
   * made from the result) or the error the background answered, prefixed with `failed` ("Not saved:").
   * Resolves to the result, or undefined when it failed: an action's failure is always shown, never dropped.
   */
  run<T>(
    task: (progress: Progress) => Promise<T>,
    done: Said | ((result: T) => Said),
    failed?: string,
  ): Promise<T | undefined>;
  /** `run` for a task whose result is nothing: resolves to whether it succeeded. */
  attempt(task: (progress: Progress) => Promise<unknown>, done: Said, failed?: string): Promise<boolean>;
  /** Shows a sentence without running anything (a check the page made itself). */
  say(text: string, error?: boolean): void;
  clear(): void;
}

const IDLE: CommandState = { busy: false, progress: null, step: null, message: null };

/** The one way a page sends a command: progress while it runs, what happened after. */
export function useCommand(): CommandRunner {
  const [state, setState] = useState<CommandState>(IDLE);
  const runs = useRef(0);
  const run = useCallback(
    async <T>(
      task: (progress: Progress) => Promise<T>,
      done: Said | ((result: T) => Said),
      failed = 'Not done:',
    ): Promise<T | undefined> => {
      const id = ++runs.current;
      const mine = () => runs.current === id;
      setState({ busy: true, progress: null, step: null, message: null });
      const progress: Progress = (n, total, step) => {
        if (mine())
          setState((s) => ({
            ...s,
            progress: total > 0 ? Math.min(100, Math.round((n / total) * 100)) : null,
            step: step ?? s.step,
          }));
      };
      try {
        const result = await task(progress);
        if (mine()) {
          const said = typeof done === 'function' ? done(result) : done;
          const message = typeof said === 'string' ? { text: said, error: false } : said;
          setState({ busy: false, progress: null, step: null, message });
        }
        return result;
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        if (mine())
          setState({
            busy: false,
            progress: null,
            step: null,
            message: { text: `${failed} ${text}`.trim(), error: true },
          });
        return undefined;
      }
    },
    [],
  );
  const attempt = useCallback(
    async (task: (progress: Progress) => Promise<unknown>, done: Said, failed?: string) =>
      (await run(
        async (progress) => {
          await task(progress);
          return true;
        },
        done,
        failed,
      )) === true,
    [run],
  );
  const say = useCallback(
    (text: string, error = false) => setState({ busy: false, progress: null, step: null, message: { text, error } }),
    [],
  );
  const clear = useCallback(() => setState(IDLE), []);
  return { ...state, run, attempt, say, clear };
}
