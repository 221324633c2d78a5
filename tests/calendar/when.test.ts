import { describe, expect, it } from 'vitest';
import { normaliseText, parseTimeOfDay, parseWhen } from '../../lib/calendar/google/when';
import { fixtureHtml } from '../helpers/fixtures';

describe('parseWhen: the card date and time line', () => {
  const cases: Array<[text: string, locale: string, expected: object]> = [
    [
      'Tuesday, November 24⋅1:00 – 2:00pm',
      'en',
      { startDay: { year: 2026, month: 11, day: 24 }, start: { hour: 13, minute: 0 }, end: { hour: 14, minute: 0 } },
    ],
    [
      'Tuesday, November 24⋅11:30am – 12:15pm',
      'en',
      { start: { hour: 11, minute: 30 }, end: { hour: 12, minute: 15 } },
    ],
    ['Tuesday, November 24⋅11:00 – 1:00pm', 'en', { start: { hour: 11, minute: 0 }, end: { hour: 13, minute: 0 } }],
    ['Tuesday, November 24⋅12:00 – 12:30am', 'en', { start: { hour: 0, minute: 0 }, end: { hour: 0, minute: 30 } }],
    [
      'Sunday, September 27⋅10:30 – 10:45am',
      'en',
      { startDay: { year: 2026, month: 9, day: 27 }, start: { hour: 10, minute: 30 } },
    ],
    ['Tuesday, November 24⋅13:00 – 14:00', 'en', { start: { hour: 13, minute: 0 }, end: { hour: 14, minute: 0 } }],
    ['Thursday, January 7, 2027⋅9:00 – 9:30am', 'en', { startDay: { year: 2027, month: 1, day: 7 } }],
    [
      'Dienstag, 24. November⋅13:00 – 14:00',
      'de',
      { startDay: { year: 2026, month: 11, day: 24 }, start: { hour: 13, minute: 0 } },
    ],
    [
      'Montag, 2. März 2027⋅09:00 – 09:45',
      'de',
      { startDay: { year: 2027, month: 3, day: 2 }, end: { hour: 9, minute: 45 } },
    ],
    [
      '11月24日 (火曜日)⋅午後1:00～2:00',
      'ja',
      { startDay: { year: 2026, month: 11, day: 24 }, start: { hour: 13, minute: 0 }, end: { hour: 14, minute: 0 } },
    ],
    ['2027年1月5日 (火曜日)⋅13:00～14:00', 'ja', { startDay: { year: 2027, month: 1, day: 5 } }],
    [
      '11월 24일 (화요일)⋅오후 1:00~2:00',
      'ko',
      { startDay: { year: 2026, month: 11, day: 24 }, start: { hour: 13, minute: 0 } },
    ],
    ['martes, 24 de noviembre⋅13:00 – 14:00', 'es', { startDay: { year: 2026, month: 11, day: 24 } }],
    ['Tuesday, November 24', 'en', { startDay: { year: 2026, month: 11, day: 24 }, start: null, end: null }],
    [
      'November 24 – 26, 2026',
      'en',
      { startDay: { year: 2026, month: 11, day: 24 }, endDay: { year: 2026, month: 11, day: 26 }, start: null },
    ],
    [
      'December 30 – January 2, 2027',
      'en',
      { startDay: { year: 2026, month: 12, day: 30 }, endDay: { year: 2027, month: 1, day: 2 } },
    ],
    [
      'April 25, 2023, 11:15pm – April 26, 2023, 6:45am',
      'en',
      {
        startDay: { year: 2023, month: 4, day: 25 },
        endDay: { year: 2023, month: 4, day: 26 },
        start: { hour: 23, minute: 15 },
        end: { hour: 6, minute: 45 },
      },
    ],
    [
      '2024年 6月 9日 午後10:15～2024年 6月 10日 午前6:30',
      'ja',
      { startDay: { year: 2024, month: 6, day: 9 }, start: { hour: 22, minute: 15 }, end: { hour: 6, minute: 30 } },
    ],
  ];
  for (const [text, locale, expected] of cases) {
    it(`${locale}: ${text}`, () => {
      expect(parseWhen(text, locale, 2026)).toMatchObject(expected);
    });
  }

  it('gives null for text with no day and no time, so nothing wrong is stored', () => {
    expect(parseWhen('', 'en', 2026)).toBeNull();
    expect(parseWhen('Weekly on Monday', 'en', 2026)).toBeNull();
    expect(parseWhen('<script>alert(1)</script>', 'en', 2026)).toBeNull();
  });
});

// Chip labels and visible times in 25 languages, each with a 24-hour then a 12-hour line (see the file's header).
const LOCALES = [
  'id',
  'da',
  'de',
  'en-GB',
  'en',
  'es',
  'es-419',
  'gl',
  'it',
  'lv',
  'hu',
  'nb',
  'pl',
  'ro',
  'sv',
  'tr',
  'mn',
  'ru',
  'he',
  'ar',
  'zh-HK',
  'zh-CN',
  'zh-TW',
  'ja',
  'ko',
];

function samples(section: string): Array<{ label: string; visible: string }> {
  const text = fixtureHtml('locale-aria-samples.txt');
  const start = text.indexOf(`## ${section}`);
  const end = text.indexOf('\n## ', start + 1);
  const lines = text
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .slice(1)
    .filter(Boolean);
  const out: Array<{ label: string; visible: string }> = [];
  for (let i = 0; i + 1 < lines.length; i += 2) {
    out.push({ label: lines[i] ?? '', visible: (lines[i + 1] ?? '').replace(/^\s*visible: /, '') });
  }
  return out;
}

/** The label's last field is the day, in the language ("10. Juni 2024", "2024年6月10日", "June 10, 2024"). */
function dateField(label: string): string {
  const fields = label
    .split(/[,，、;،]\s*/)
    .map((f) => f.trim())
    .filter(Boolean);
  const last = fields.at(-1) ?? '';
  return /^\d{4}$/.test(last) ? `${fields.at(-2)}, ${last}` : last;
}

describe('times and days in 25 languages, 12- and 24-hour (real Calendar labels)', () => {
  const sections: Array<[string, [number, number], [number, number]]> = [
    ['Web Components Standup', [9, 0], [10, 0]],
    ['Team meeting', [13, 0], [14, 0]],
  ];
  for (const [section, [sh, sm], [eh, em]] of sections) {
    samples(section).forEach(({ label, visible }, i) => {
      const locale = LOCALES[Math.floor(i / 2)] ?? 'en';
      const clock = i % 2 === 0 ? '24h' : '12h';
      it(`${section}, ${locale} ${clock}: "${dateField(label)}⋅${visible}"`, () => {
        expect(parseWhen(`${dateField(label)}⋅${visible}`, locale, 2026)).toEqual({
          startDay: { year: 2024, month: 6, day: 10 },
          endDay: null,
          start: { hour: sh, minute: sm },
          end: { hour: eh, minute: em },
        });
      });
    });
  }
  samples('Sleep').forEach(({ visible }, i) => {
    const locale = LOCALES[Math.floor(i / 2)] ?? 'en';
    it(`overnight times, ${locale} ${i % 2 === 0 ? '24h' : '12h'}: "${visible}"`, () => {
      expect(parseWhen(`10 June 2024⋅${visible}`, locale, 2026)).toMatchObject({
        start: { hour: 22, minute: 15 },
        end: { hour: 6, minute: 30 },
      });
    });
  });
});

describe('the languages added for issue 8, as Intl.DateTimeFormat writes them, both clocks', () => {
  const day = new Date(Date.UTC(2026, 10, 24, 12));
  const range = (locale: string, hour12: boolean) =>
    new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', hour12, timeZone: 'UTC' }).formatRange(
      Date.UTC(2026, 10, 24, 13),
      Date.UTC(2026, 10, 24, 14),
    );
  for (const locale of ['fr', 'es', 'pt-BR', 'it', 'nl', 'pl', 'ko', 'zh-CN', 'ar', 'ar-EG', 'he']) {
    const date = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    for (const hour12 of [false, true]) {
      const line = `${date.format(day)}⋅${range(locale, hour12)}`;
      it(`${locale} ${hour12 ? '12h' : '24h'}: "${line}"`, () => {
        expect(parseWhen(line, locale, 2026)).toEqual({
          startDay: { year: 2026, month: 11, day: 24 },
          endDay: null,
          start: { hour: 13, minute: 0 },
          end: { hour: 14, minute: 0 },
        });
      });
    }
  }

  it('reads Arabic-Indic and Extended Arabic-Indic digits as digits', () => {
    expect(normaliseText('٢٤ نوفمبر ١٣:٠٠–١٤:٠٠ ۱۲')).toBe('24 نوفمبر 13:00–14:00 12');
  });

  it('reads a day and times with no ⋅ between them, and a lone time is not a meeting', () => {
    expect(parseWhen('mardi 24 novembre 13:00–14:00', 'fr', 2026)).toEqual({
      startDay: { year: 2026, month: 11, day: 24 },
      endDay: null,
      start: { hour: 13, minute: 0 },
      end: { hour: 14, minute: 0 },
    });
    expect(parseWhen('Tuesday, November 24 1:00 – 2:00pm', 'en', 2026)).toMatchObject({
      startDay: { year: 2026, month: 11, day: 24 },
      start: { hour: 13, minute: 0 },
      end: { hour: 14, minute: 0 },
    });
    expect(parseWhen('Budget asks (due 9:30am Friday)', 'en', 2026)).toBeNull();
  });
});

describe('parseTimeOfDay: the edit page time inputs', () => {
  it.each([
    ['1:00pm', { hour: 13, minute: 0 }],
    ['13:00', { hour: 13, minute: 0 }],
    ['12:15am', { hour: 0, minute: 15 }],
    ['오후 1:30', { hour: 13, minute: 30 }],
    ['下午1:00', { hour: 13, minute: 0 }],
    ['٢:٠٠ م', { hour: 14, minute: 0 }],
  ])('%s', (text, expected) => {
    expect(parseTimeOfDay(text)).toEqual(expected);
  });
  it('refuses what is not one time', () => {
    for (const bad of ['', 'noon', '1:00 – 2:00pm', '25:00']) expect(parseTimeOfDay(bad)).toBeNull();
  });
});
