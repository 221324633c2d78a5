// The demo's and the store screenshots' dressing of the saved week view (with calendar-look.css): a top bar
// built from the view's own dates, and the grid scrolled to the working day. Never in the functional tests.
(() => {
  const grid = document.querySelector('[role="grid"][data-start-date-key]');
  const key = Number(grid?.getAttribute('data-start-date-key') ?? 0);
  const start = new Date(Date.UTC((key >> 9) + 1970, ((key >> 5) & 15) - 1, key & 31));
  const end = new Date(start.getTime() + 6 * 86_400_000);
  const month = (d) => d.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  const title =
    start.getUTCMonth() === end.getUTCMonth()
      ? `${month(start)} ${start.getUTCFullYear()}`
      : `${month(start).slice(0, 3)} – ${month(end).slice(0, 3)} ${end.getUTCFullYear()}`;
  const header = document.querySelector('header.gb_Ua');
  const part = (cls, text = '') => {
    const el = document.createElement('div');
    el.className = cls;
    el.textContent = text;
    return el;
  };
  header?.prepend(
    part('look-menu'),
    part('look-logo', String(end.getUTCDate())),
    part('look-name', 'Calendar'),
    part('look-today', 'Today'),
    part('look-chevrons', '‹›'),
    part('look-title', title),
    part('look-view', 'Week'),
  );
  // The column headings' day numbers, from the view's first day (the saved week may have been moved).
  document.querySelectorAll('[role="columnheader"] .x5FT4e').forEach((day, i) => {
    day.textContent = String(new Date(start.getTime() + i * 86_400_000).getUTCDate());
  });
  const scroller = document.querySelector('.Tmdkcc');
  if (scroller) scroller.scrollTop = 7.5 * 40;
})();
