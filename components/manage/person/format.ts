/** "Nov 24, 2026" in the user's language. */
export const day = (at: number): string =>
  new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
