/** What a new user sees: how to log the first meeting. */
export function FirstRun() {
  return (
    <section class="first-run" aria-labelledby="first-run">
      <h2 id="first-run">Log your first meeting</h2>
      <ol>
        <li>Open Google Calendar and click a meeting you have had.</li>
        <li>
          Click <strong>Log meeting</strong> in the event's card.
        </li>
        <li>The people you met show up here, most neglected first. Nothing leaves your browser.</li>
      </ol>
    </section>
  );
}
