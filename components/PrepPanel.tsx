import { type Brief, guestCount, type KnownGuest } from '../lib/prep/model';
import { StatusBadge } from './StatusBadge';

export interface PrepPanelProps {
  brief: Brief;
  /** Folded to its one line ("Before you meet · 3 guests"). */
  collapsed: boolean;
  onToggle(collapsed: boolean): void;
}

/**
 * "Before you meet": for each guest Bridges knows, their status, when the user last met them, what matters to them
 * (the note), whether thanks are owed, and where they belong; then the guests new to Bridges. A labelled region
 * whose heading is the button that folds it. Everything is text: names and notes are never read as HTML.
 */
export function PrepPanel({ brief, collapsed, onToggle }: PrepPanelProps) {
  return (
    <section class="prep" aria-labelledby="prep-title">
      <h2 class="prep-title">
        <button
          type="button"
          id="prep-title"
          aria-expanded={!collapsed}
          aria-controls="prep-guests"
          onClick={() => onToggle(!collapsed)}
        >
          <span class="chevron" aria-hidden="true">
            {collapsed ? '▸' : '▾'}
          </span>
          Before you meet<span class="count"> · {guestCount(brief)}</span>
        </button>
      </h2>
      {!collapsed && (
        <div id="prep-guests">
          {brief.known.length > 0 && (
            <ul class="guests">
              {brief.known.map((guest) => (
                <GuestItem key={guest.email} guest={guest} />
              ))}
            </ul>
          )}
          {brief.newGuests.length > 0 && (
            <p class="new-guests">
              <span class="new-label">New to Bridges:</span> {brief.newGuests.join(', ')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function GuestItem({ guest }: { guest: KnownGuest }) {
  return (
    <li class="guest">
      <div class="guest-line">
        <span class="name" title={guest.email}>
          {guest.name}
        </span>
        <StatusBadge status={guest.status} />
        {guest.plan && <span class="plan">{guest.plan}</span>}
      </div>
      <div class="details">
        {guest.affiliation} · {guest.lastMet}
        {guest.thanksOwed && (
          <>
            {' · '}
            <strong class="thanks">You owe them thanks</strong>
          </>
        )}
      </div>
      {guest.note && <p class="note">{guest.note}</p>}
    </li>
  );
}

/** What a frame shows when it has nothing to show: one it was not asked for, or whose question has gone. */
export function PrepEmpty() {
  return (
    <section class="prep empty" aria-label="Before you meet">
      <p>Nothing to show here. Open the meeting again in Calendar.</p>
    </section>
  );
}
