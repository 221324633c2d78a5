import { getDb } from '../../lib/db/app-db';
import { sendMessage } from '../../lib/messaging';
import { messageActions } from '../../lib/popup/actions';
import { SUGGESTION_WINDOW_MS } from '../../lib/relationships/team-suggestions';
import { internalDomainsItem, myEmailsItem } from '../../lib/settings';
import { checkDomain, checkEmail } from '../../lib/settings-validation';
import { useLiveQuery } from '../../lib/ui/use-live-query';
import { useStorageItem } from '../../lib/ui/use-storage-item';
import { ListField } from './ListField';
import { TeamSection } from './TeamSection';

const db = getDb();
const actions = messageActions(sendMessage);

/** The settings: who I am, my company, my team. */
export function SettingsPage() {
  const now = Date.now();
  const myEmails = useStorageItem(myEmailsItem);
  const internalDomains = useStorageItem(internalDomainsItem);
  const people = useLiveQuery(() => db.people.toArray());
  const recent = useLiveQuery(() =>
    db.interactions
      .where('start')
      .above(now - SUGGESTION_WINDOW_MS)
      .toArray(),
  );

  return (
    <div class="settings">
      <section class="card" aria-labelledby="you">
        <h2 id="you">You</h2>
        {myEmails && (
          <ListField
            label="My email addresses"
            hint="Bridges learns the address you use in Google Calendar when you log a meeting. Add any others you use: you are never counted as someone you met."
            placeholder="you@example.com"
            values={myEmails}
            check={checkEmail}
            onChange={(v) => myEmailsItem.setValue(v)}
          />
        )}
        {internalDomains && (
          <ListField
            label="My company's email domains"
            hint="People at these domains are colleagues: they show as your company rather than an outside organisation. Colleagues who are not on your team still count as outside your team."
            placeholder="example.com"
            values={internalDomains}
            check={checkDomain}
            onChange={(v) => internalDomainsItem.setValue(v)}
          />
        )}
      </section>
      <section class="card" aria-labelledby="team">
        <h2 id="team">My team</h2>
        <p class="hint">The people you work with every day. They are left out of the popup and the reminders.</p>
        {people && recent && myEmails && (
          <TeamSection people={people} recent={recent} myEmails={myEmails} now={now} actions={actions} />
        )}
      </section>
    </div>
  );
}
