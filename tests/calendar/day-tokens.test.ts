import { describe, expect, it } from 'vitest';
import { dayNames } from '../../lib/calendar/google/day-names';
import { tokeniseDay } from '../../lib/calendar/google/day-tokens';

const kinds = (text: string, locale: string) =>
  tokeniseDay(text, dayNames(locale)).map((t) => ('text' in t ? `${t.kind}:${t.text}` : t.kind));

describe("tokeniseDay: a day's label read once into tokens", () => {
  it('reads weekdays, numbers, month names and separators', () => {
    expect(kinds('dienstag, 24. november 2026', 'de')).toEqual([
      'weekday',
      'separator:, ',
      'number:24',
      'separator:. ',
      'month',
      'separator: ',
      'number:2026',
    ]);
    expect(tokeniseDay('november', dayNames('de'))).toEqual([{ kind: 'month', month: 11, rank: expect.any(Number) }]);
  });

  it('reads a month written as a number before 月 or 월, and the era and day markers as words', () => {
    expect(tokeniseDay('2027年1月5日 (火曜日)', dayNames('ja'))).toEqual([
      { kind: 'number', text: '2027' },
      { kind: 'word', text: '年' },
      { kind: 'numeric-month', month: 1 },
      { kind: 'number', text: '5' },
      { kind: 'word', text: '日' },
      { kind: 'separator', text: ' (' },
      { kind: 'weekday' },
      { kind: 'separator', text: ')' },
    ]);
    expect(kinds('11월 24일', 'ko')).toEqual(['numeric-month', 'separator: ', 'number:24', 'word:일']);
  });

  it('finds weekday names only as whole words, month names anywhere', () => {
    // Spanish "vie" (viernes) is inside "noviembre": not a weekday there.
    expect(kinds('martes, 24 de noviembre', 'es')).toEqual([
      'weekday',
      'separator:, ',
      'number:24',
      'separator: ',
      'word:de',
      'separator: ',
      'month',
    ]);
    expect(tokeniseDay('xjunio', dayNames('es'))).toContainEqual(expect.objectContaining({ kind: 'month', month: 6 }));
  });

  it('gives the longer of two names that begin at one place', () => {
    const [token] = tokeniseDay('noviembre', dayNames('es'));
    const names = dayNames('es').months;
    expect(token).toEqual({ kind: 'month', month: 11, rank: names.findIndex(([name]) => name === 'noviembre') });
  });
});
