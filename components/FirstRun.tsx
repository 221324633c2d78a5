import { browser } from '../lib/popup/native-browser';

/** What a new user sees: bring in the past from Google's export, or log the first meeting from Calendar. */
export function FirstRun() {
  return (
    <section class="first-run" aria-labelledby="first-run">
      <h2 id="first-run">Start with your past meetings</h2>
      <p>
        In Google Calendar: <strong>Settings → Import &amp; export → Export</strong>. Bring the .zip into Bridges, and
        your last year of meetings is here at once. Nothing leaves your browser.
      </p>
      <button
        type="button"
        class="primary"
        onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#/welcome') })}
      >
        Bring in your past meetings
      </button>
      <h3>Or log as you go</h3>
      <ol>
        <li>Open Google Calendar and click a meeting you have had.</li>
        <li>
          Click <strong>Log meeting</strong> in the event's card.
        </li>
        <li>The people you met show up here, most neglected first.</li>
      </ol>
    </section>
  );
}
