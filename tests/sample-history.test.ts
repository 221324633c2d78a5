import { describe, expect, it } from 'vitest';
import { readBackup } from '../lib/data/backup';
import { outsideTeamMeetingsPerWeek } from '../lib/manage/trends';
import { rankNeglected } from '../lib/relationships/rank';
import { chooseStretchPick } from '../lib/relationships/stretch-choice';
import { makeSampleHistory, SAMPLE_ME, sampleBackupFile } from './e2e/seed';

// The demo's and the store screenshots' sample history must tell the product's story, read by the product's
// own rules: who is overdue, the week's stretch, the trends.
const NOW = Date.parse('2026-11-28T20:00:00Z');
const DAY = 86_400_000;
const history = makeSampleHistory(NOW);
const ranked = rankNeglected(history.people, { now: NOW, myEmails: [SAMPLE_ME], timeZone: 'UTC' });
const byStatus = (status: string) => ranked.filter((r) => r.status === status).map((r) => r.person.displayName);
const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('the sample history', () => {
  it('is a backup the management page restores as it is', () => {
    const read = readBackup(sampleBackupFile(NOW));
    expect(read.ok ? 'ok' : read.message).toBe('ok');
  });

  it('is a few hundred people over a year, a team of eight, groups of departments and organisations', () => {
    expect(history.people.length).toBeGreaterThanOrEqual(200);
    expect(history.people.length).toBeLessThanOrEqual(400);
    expect(history.people.filter((p) => p.team)).toHaveLength(8);
    expect(new Set(history.groups.map((g) => g.kind))).toEqual(new Set(['department', 'organisation']));
    const starts = history.interactions.map((i) => i.start);
    expect(Math.max(...starts)).toBeLessThan(NOW);
    expect(NOW - Math.min(...starts)).toBeGreaterThan(330 * DAY);
    expect(NOW - Math.min(...starts)).toBeLessThanOrEqual(365 * DAY);
  });

  it('keeps each person’s first and last meeting and count as the logging service would', () => {
    for (const person of history.people) {
      const theirs = history.interactions.filter((i) => i.people.includes(person.email)).map((i) => i.start);
      expect([person.firstMetAt, person.lastMetAt, person.interactionCount], person.email).toEqual([
        Math.min(...theirs),
        Math.max(...theirs),
        theirs.length,
      ]);
    }
  });

  it('has a few relationships outside the team clearly overdue, some due, most on track', () => {
    expect(byStatus('red')).toEqual(expect.arrayContaining(['Priya Raman', 'Sam Okafor']));
    expect(byStatus('red').length).toBeGreaterThanOrEqual(4);
    expect(byStatus('red').length).toBeLessThanOrEqual(8);
    expect(byStatus('amber').length).toBeGreaterThanOrEqual(3);
    expect(byStatus('amber').length).toBeLessThanOrEqual(12);
    expect(byStatus('green').length / ranked.length).toBeGreaterThan(0.9);
    // The most neglected first: a high-priority person at the top.
    expect(ranked[0]?.person.priority).toBe('high');
  });

  it('has a stretch pick for the week, thanks owed and notes', () => {
    expect(chooseStretchPick(ranked, history.people)).not.toBeNull();
    expect(history.people.filter((p) => p.thanksOwedSince !== null).length).toBeGreaterThanOrEqual(3);
    expect(history.people.filter((p) => p.note).length).toBeGreaterThanOrEqual(4);
  });

  it('has a trend that moves: more meetings outside the team in the last quarter than before', () => {
    const byWeek = outsideTeamMeetingsPerWeek(
      history.interactions,
      new Map(history.people.map((p) => [p.email, p])),
      [SAMPLE_ME],
      NOW,
      26,
    ).map((p) => p.value);
    expect(average(byWeek.slice(-10))).toBeGreaterThan(1.3 * average(byWeek.slice(0, 10)));
  });

  it('is the same for the same day', () => {
    expect(makeSampleHistory(NOW)).toEqual(history);
  });
});
