import type { ManageData } from '../../lib/manage/use-manage-data';
import { affiliationOf, bookedLabel, lastMetText, PLANNING_TEXT } from '../../lib/relationships/labels';
import { assess } from '../../lib/relationships/rank';
import { CatchUpControls } from '../CatchUpControls';
import { StatusBadge } from '../StatusBadge';
import { day } from './person/format';
import { MergeAndDelete } from './person/MergeAndDelete';
import { NoteAndThanks } from './person/NoteAndThanks';
import { RelationshipSection } from './person/RelationshipSection';
import { Timeline } from './person/Timeline';

/**
 * One person: planning a catch-up with them, their timeline, what matters to them, thanks owed, cadence and kind, merge and delete. Keyed by
 * the person where it is used, so an unsaved draft never follows the user to someone else's page.
 */
export function PersonPage({ data, email }: { data: ManageData; email: string }) {
  const person = data.people.find((p) => p.email === email);
  if (!person) {
    return (
      <p>
        No one with the address {email} is in Bridges. <a href="#/people">Back to everyone</a>
      </p>
    );
  }
  const { status, cadence, planning } = assess(person, { now: data.now, cadences: data.cadences });
  const names = new Map(data.people.map((p) => [p.email, p.displayName]));
  const nextStep = bookedLabel(person, data.now);
  return (
    <article class="person-page">
      <p>
        <a href="#/people">← Everyone</a>
      </p>
      <header class="person-head">
        <h2>{person.displayName}</h2>
        <StatusBadge status={status} />
        {planning && <span class="tag">{PLANNING_TEXT}</span>}
      </header>
      <p class="muted">
        {person.email} · {affiliationOf(person, data.groupsById, data.internalDomains)} · last met{' '}
        {lastMetText(person.lastMetAt, data.now)} · {person.interactionCount}{' '}
        {person.interactionCount === 1 ? 'interaction' : 'interactions'} since {day(person.firstMetAt)}
        {nextStep && <strong class="next-step"> · {nextStep}</strong>}
      </p>
      <CatchUpControls person={person} planning={planning} now={data.now} />
      <div class="person-grid">
        <NoteAndThanks person={person} />
        <section class="card" aria-labelledby="relationship">
          <RelationshipSection person={person} cadence={cadence} cadences={data.cadences} groups={data.groups} />
          <MergeAndDelete person={person} people={data.people} />
        </section>
      </div>
      <Timeline person={person} names={names} />
    </article>
  );
}
