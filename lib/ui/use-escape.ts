import { useEffect } from 'preact/hooks';

/** Calls `onEscape` when Escape is pressed while the component is shown (closing a panel from the keyboard). */
export function useEscape(onEscape: () => void): void {
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onEscape();
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [onEscape]);
}
