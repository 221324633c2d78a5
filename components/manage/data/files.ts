/** Offers `file` as a download named `name`. */
export function download(name: string, file: Blob): void {
  const url = URL.createObjectURL(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Offers `text` as a download of type `type`. */
export function downloadText(name: string, type: string, text: string): void {
  download(name, new Blob([text], { type }));
}

/** Today as 2026-11-23, for file names. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** A file input's change handler: hands the chosen file to `handler`, then clears the input for the next. */
export function fileInput(handler: (file: File) => Promise<unknown>) {
  return (e: Event): void => {
    const input = e.currentTarget as HTMLInputElement;
    const chosen = input.files?.[0];
    if (chosen) void handler(chosen).finally(() => (input.value = ''));
  };
}
