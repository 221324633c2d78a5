/** The clipboard API, else a selected text area in the control's own shadow root and the copy command. */
export async function copyToClipboard(doc: Document, root: ShadowRoot, text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Calendar's permissions may refuse the API; the copy command needs only the click.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
  root.append(area);
  area.select();
  const copied = doc.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('copy refused');
}
