import type { ManageData } from '../../lib/manage/use-manage-data';
import { type RequestOf, sendMessage } from '../../lib/messaging';
import { messageActions } from '../../lib/popup/actions';
import { checkDomain, checkEmail } from '../../lib/settings-validation';
import { useSettings } from '../../lib/ui/use-settings';
import { CadenceSection } from './CadenceSection';
import { CatchUpSection } from './CatchUpSection';
import { FeedSection } from './FeedSection';
import { ListField } from './ListField';
import { OwnAddressQuestions } from './OwnAddressQuestions';
import { PrepSection } from './PrepSection';
import { RemindersSection } from './RemindersSection';
import { RulesSection } from './RulesSection';
import { SyncSection } from './SyncSection';
import { TeamSection } from './TeamSection';

const actions = messageActions(sendMessage);
/** Settings are written by the background, checked there by the same schema as a backup's. */
const save = async (settings: RequestOf<'saveSettings'>): Promise<void> => {
  await sendMessage('saveSettings', settings);
};
const SHOWN = [
  'myEmails',
  'internalDomains',
  'reminders',
  'cadenceDefaults',
  'meetingRules',
  'ownAddresses',
  'feedSettings',
  'feedStatus',
  'catchUp',
  'prepPanel',
] as const;

/**
 * The settings: reminders, cadences, catch-ups, meeting rules, who I am, my company, my team. The people and their
 * recent meetings, for the team's suggestions, are the management page's (undefined until read).
 */
export function SettingsPage({ data }: { data?: ManageData }) {
  const settings = useSettings(SHOWN);
  const {
    myEmails,
    internalDomains,
    reminders,
    cadenceDefaults: cadences,
    meetingRules: rules,
    ownAddresses,
    feedSettings,
    feedStatus,
    catchUp,
    prepPanel,
  } = settings?.values ?? {};

  return (
    <div class="settings">
      {settings && settings.problems.length > 0 && (
        <section class="card problems" role="alert" aria-labelledby="problems">
          <h2 id="problems">Settings Bridges could not use</h2>
          <ul>
            {settings.problems.map((p) => (
              <li key={p.name}>{p.message}</li>
            ))}
          </ul>
        </section>
      )}
      <section class="card" aria-labelledby="reminders">
        <h2 id="reminders">Weekly reminder</h2>
        <p class="hint">
          Once a week the toolbar badge shows how many relationships outside your team need you. Opening Bridges clears
          it until the next week.
        </p>
        {reminders && <RemindersSection value={reminders} onSave={(v) => save({ reminders: v })} />}
      </section>
      <section class="card" aria-labelledby="feed">
        <h2 id="feed">Meetings that log themselves</h2>
        {feedSettings && feedStatus && <FeedSection settings={feedSettings} status={feedStatus} />}
      </section>
      <section class="card" aria-labelledby="prep">
        <h2 id="prep">Before you meet</h2>
        <p class="hint">
          When you open a meeting in Google Calendar, Bridges shows beside its Log control what matters to the guests
          you know: their status, when you last met, your note, thanks you owe. It is drawn by Bridges itself, in a
          frame Calendar's page cannot read.
        </p>
        {prepPanel !== undefined && <PrepSection value={prepPanel} onSave={(v) => save({ prepPanel: v })} />}
      </section>
      <section class="card" aria-labelledby="sync-heading">
        <h2 id="sync-heading">Sync across your browsers</h2>
        <SyncSection />
      </section>
      <section class="card" aria-labelledby="cadences">
        <h2 id="cadences">Default cadences</h2>
        <p class="hint">
          How often to be in touch, by priority: a relationship turns amber after the ideal interval without contact,
          red after the maximum. Each person can have their own.
        </p>
        {cadences && <CadenceSection value={cadences} onSave={(v) => save({ cadenceDefaults: v })} />}
      </section>
      <section class="card" aria-labelledby="catch-up">
        <h2 id="catch-up">Planning a catch-up</h2>
        <p class="hint">
          "Plan a catch-up" opens a new invitation in your calendar, in a new tab, for you to pick the time and send.
        </p>
        {catchUp && <CatchUpSection value={catchUp} onSave={(v) => save({ catchUp: v })} />}
      </section>
      <section class="card" aria-labelledby="rules">
        <h2 id="rules">Which meetings count</h2>
        {rules && <RulesSection value={rules} onSave={(v) => save({ meetingRules: v })} />}
      </section>
      <section class="card" aria-labelledby="you">
        <h2 id="you">You</h2>
        {myEmails && (
          <ListField
            label="My email addresses"
            hint="Bridges learns the address you use in Google Calendar after it has seen you signed in on a few days, or asks you below. Add any others you use: you are never counted as someone you met."
            placeholder="you@example.com"
            values={myEmails}
            check={checkEmail}
            onChange={(v) => save({ myEmails: v })}
          />
        )}
        {myEmails && ownAddresses && <OwnAddressQuestions state={ownAddresses} myEmails={myEmails} />}
        {internalDomains && (
          <ListField
            label="My company's email domains"
            hint="People at these domains are colleagues: they show as your company rather than an outside organisation. Colleagues who are not on your team still count as outside your team."
            placeholder="example.com"
            values={internalDomains}
            check={checkDomain}
            onChange={(v) => save({ internalDomains: v })}
          />
        )}
      </section>
      <section class="card" aria-labelledby="team">
        <h2 id="team">My team</h2>
        <p class="hint">The people you work with every day. They are left out of the popup and the reminders.</p>
        {data && myEmails && (
          <TeamSection people={data.people} recent={data.recent} myEmails={myEmails} now={data.now} actions={actions} />
        )}
      </section>
    </div>
  );
}
