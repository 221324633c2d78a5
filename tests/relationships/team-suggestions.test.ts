import { describe, expect, it } from 'vitest';
import { suggestTeammates, teamAnswer } from '../../lib/relationships/team-suggestions';
import { DAY, meetingAt, person } from '../helpers/people';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const meeting = (daysAgo: number, people: string[]) =>
  meetingAt(`k${daysAgo}-${people.join()}`, NOW - daysAgo * DAY, people);

describe('teammate suggestions', () => {
  const people = new Map(
    ['daily@x.example', 'some@x.example', 'done@x.example', 'no@x.example'].map((e) => [
      e,
      person(
        e,
        NOW,
        e === 'done@x.example' ? { team: true } : e === 'no@x.example' ? { teamSuggestionDismissed: true } : {},
      ),
    ]),
  );
  const twiceAWeek = (email: string) => [1, 3, 8, 10, 15, 17, 22, 24].map((d) => meeting(d, [email]));

  it('suggests people met at least twice in each of the last four weeks', () => {
    const recent = [
      ...twiceAWeek('daily@x.example'),
      ...[1, 3, 8, 10, 15, 17, 22].map((d) => meeting(d, ['some@x.example'])),
    ];
    expect(suggestTeammates(recent, people, NOW).map((s) => [s.person.email, s.meetings])).toEqual([
      ['daily@x.example', 8],
    ]);
  });

  it('never suggests people already on the team, dismissed, or me', () => {
    const recent = [...twiceAWeek('done@x.example'), ...twiceAWeek('no@x.example'), ...twiceAWeek('daily@x.example')];
    expect(suggestTeammates(recent, people, NOW, ['daily@x.example'])).toEqual([]);
  });
});

describe('an answer to a suggestion', () => {
  it('a yes puts them on the team, a no stops suggesting them, and each says so', () => {
    expect(teamAnswer({ displayName: 'Wei Chen' }, true)).toEqual({
      patch: { team: true },
      done: 'Wei Chen is on your team now.',
    });
    expect(teamAnswer({ displayName: 'Wei Chen' }, false)).toEqual({
      patch: { teamSuggestionDismissed: true },
      done: "Bridges won't suggest Wei Chen again.",
    });
  });
});
