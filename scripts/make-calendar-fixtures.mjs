// Writes the language, edge-case and selector-fallback variants of the saved event card and event page
// (tests/fixtures/google-calendar/event-detail-dialog.html and event-edit-page.html, copied from the project's
// shared Calendar captures). The outputs are committed data; run this again only to change them:
// node scripts/make-calendar-fixtures.mjs
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';

const dir = new URL('../tests/fixtures/google-calendar/', import.meta.url);
const base = readFileSync(new URL('event-detail-dialog.html', dir), 'utf8');
const editBase = readFileSync(new URL('event-edit-page.html', dir), 'utf8');
// Variants are written afresh: a variant dropped here disappears from the folder too.
for (const file of readdirSync(dir)) {
  if (/^(dialog|edit)\..+\.html$/.test(file)) unlinkSync(new URL(file, dir));
}
const b64 = (s) => Buffer.from(s).toString('base64').replace(/=+$/, '');
const Q4 = 'azUwNThoZnI0ZDJzMzBsdGl1b2NwZWR0aGQgYWxleC5tb3JnYW5AZXhhbXBsZS5jb20';

/** Applies text edits ([from, to] pairs, or functions of the whole page) to a page, each of which must apply. */
function edit(name, html, edits) {
  for (const change of edits) {
    if (typeof change === 'function') {
      const next = change(html);
      if (next === html) throw new Error(`${name}: an edit changed nothing`);
      html = next;
      continue;
    }
    const [from, to] = change;
    if (!html.includes(from)) throw new Error(`${name}: "${from.slice(0, 60)}" not found`);
    html = html.split(from).join(to);
  }
  return html;
}

function write(file, of, about, html) {
  const marked = html.replace(
    '<!DOCTYPE html>\n<!--',
    `<!DOCTYPE html>\n<!--\n  VARIANT of ${of}, written by scripts/make-calendar-fixtures.mjs: ${about}\n`,
  );
  writeFileSync(new URL(file, dir), marked);
}

const pages = new Map();
function variant(name, about, edits, from = base) {
  const html = edit(name, from, edits);
  pages.set(name, html);
  write(`dialog.${name}.html`, 'event-detail-dialog.html', about, html);
}
function editVariant(name, about, edits) {
  write(`edit.${name}.html`, 'event-edit-page.html', about, edit(name, editBase, edits));
}

const guestRow = (email, name, label, icon, flag = '') =>
  `<div role="treeitem" tabindex="-1" class="nBzcnc Wm6kRe OcVpRe" jsname="haAclf" data-email="${email}" key="${email}" aria-label="${label}" jsaction="click:cOuCgd; keydown:I481le">
                <div aria-hidden="true" class="zZj8Pb EaVNbc"><div class="jPtXgd"><img class="Gt6bfb" src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==" alt="">${icon ? `<div class="kAfU4b" aria-hidden="true"><span class="Ps0GXc"><svg focusable="false" width="12" height="12" viewBox="0 0 24 24" class=" NMm5M"><path d="${icon}"></path></svg></span></div>` : ''}</div></div>
                <div class="toUqff DbpAnb" data-hovercard-id="${email}" data-hovercard-owner-id="35">
                  <div class="ddPise"><span class="SDqFWd"><span>${name}</span></span></div>
                  ${flag ? `<div class="dHiIVd">${flag}</div>` : ''}
                </div>
              </div>`;
const TICK = 'M9 16.17L4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z';
const CROSS =
  'M19 6.41L17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12 19 6.41z';
const guestListStart = '<div jsname="MsyPn" class="Rzij1d" role="tree" aria-label="Guests">';
const guestListEnd = '</div>\n            </div>\n\n            <!-- LOCATION row';
const allGuests = base.slice(base.indexOf(guestListStart) + guestListStart.length, base.indexOf(guestListEnd));
const withGuests = (rows) => [allGuests, `\n${rows}\n              `];
const selfRow = guestRow('alex.morgan@example.com', 'Alex Morgan', 'Alex Morgan, Attending', TICK);
const timeLine = 'Tuesday, November 24<span class="grQv0">⋅</span><span>1:00 – 2:00pm</span>';
const userInfo = (tz, locale) => [
  ['<div id="xTimezone">America/New_York</div>', `<div id="xTimezone">${tz}</div>`],
  ['<div id="xUserLocale">en</div>', `<div id="xUserLocale">${locale}</div>`],
];

variant('en-12h', 'English, 12-hour clock, New York time: the saved card unchanged.', []);

variant('en-24h', 'English with a 24-hour clock; a meeting room among the guests (a resource, not a person).', [
  [timeLine, 'Tuesday, November 24<span class="grQv0">⋅</span><span>13:00 – 14:00</span>'],
  withGuests(
    `${allGuests}\n              ${guestRow('c_1888abc@resource.calendar.google.com', 'Room 4A (8)', 'Room 4A (8), Attending', TICK)}`,
  ),
]);

variant('de', 'German, 24-hour clock, Calendar set to Europe/Berlin (which may differ from the computer).', [
  ['<html lang="en"', '<html lang="de"'],
  [timeLine, 'Dienstag, 24. November<span class="grQv0">⋅</span><span>13:00 – 14:00</span>'],
  ['aria-label="Priya Raman, Attending, Organizer"', 'aria-label="Priya Raman, Nimmt teil, Organisator"'],
  ['<div class="dHiIVd">Organizer</div>', '<div class="dHiIVd">Organisator</div>'],
  ['aria-label="Alex Morgan, Attending"', 'aria-label="Alex Morgan, Nimmt teil"'],
  ['aria-label="Jordan Lee, Attending"', 'aria-label="Jordan Lee, Nimmt teil"'],
  ['aria-label="Sam Okafor, Not attending"', 'aria-label="Sam Okafor, Nimmt nicht teil"'],
  ['aria-label="Wei Chen, Maybe, Optional"', 'aria-label="Wei Chen, Vielleicht, Optional"'],
  ['<div class="UfeRlc">6 guests</div>', '<div class="UfeRlc">6 Gäste</div>'],
  ['aria-label="Guests"', 'aria-label="Gäste"'],
  ...userInfo('Europe/Berlin', 'de'),
]);

variant(
  'ja',
  'Japanese, 12-hour clock (午後), Calendar set to Asia/Tokyo; no chip in view, so the day comes from the text.',
  [
    ['<html lang="en"', '<html lang="ja"'],
    [timeLine, '11月24日 (火曜日)<span class="grQv0">⋅</span><span>午後1:00～2:00</span>'],
    ['aria-label="Priya Raman, Attending, Organizer"', 'aria-label="Priya Raman, 参加, 主催者"'],
    ['<div class="dHiIVd">Organizer</div>', '<div class="dHiIVd">主催者</div>'],
    ['aria-label="Wei Chen, Maybe, Optional"', 'aria-label="Wei Chen, 未定, 任意"'],
    ['<div class="dHiIVd">Optional</div>', '<div class="dHiIVd">任意</div>'],
    ['<span>Priya Raman</span>', '<span>ラマン・プリヤ</span>'],
    ['data-datekey="29048"', 'data-datekey-removed="29048"'],
    ...userInfo('Asia/Tokyo', 'ja'),
  ],
);

const WEEKLY = b64('b028tvasrf4039si1mg44gaske_20261123T150000Z alex.morgan@example.com');
variant('recurring', 'One instance of a weekly meeting: the id carries the instance start (2026-11-23 15:00 UTC).', [
  [Q4, WEEKLY],
  ['Q4 planning review</span>', 'Weekly sync</span>'],
  [
    timeLine,
    'Monday, November 23<span class="grQv0">⋅</span><span>10:00 – 10:30am</span></div><div class="AzuXid O2VjS">Weekly on Monday',
  ],
  ['data-datekey="29048"', 'data-datekey="29047"'],
  withGuests(
    `${selfRow}\n              ${guestRow('jordan.lee@example.com', 'Jordan Lee', 'Jordan Lee, Attending, Organizer', TICK, 'Organizer')}`,
  ),
  ['<div class="UfeRlc">6 guests</div>', '<div class="UfeRlc">2 guests</div>'],
]);

const selfBlock = /<div role="treeitem"[^>]*data-email="alex\.morgan@example\.com"[\s\S]*?<\/div>\n {14}<\/div>/;
variant('declined', 'The signed-in user declined (their row says so, and the "No" answer is pressed).', [
  withGuests(
    allGuests.replace(
      selfBlock,
      guestRow('alex.morgan@example.com', 'Alex Morgan', 'Alex Morgan, Not attending', CROSS),
    ),
  ),
  [
    'aria-pressed="true" data-button-type="actionButton" id="xRsvpYesBu"',
    'aria-pressed="false" data-button-type="actionButton" id="xRsvpYesBu"',
  ],
  ['aria-label="Respond No" aria-pressed="false"', 'aria-label="Respond No" aria-pressed="true"'],
  [', Alex Morgan, Accepted, Location:', ', Alex Morgan, Declined, Location:'],
]);

variant('solo', 'An event with no guests at all (a focus block).', [
  ['Q4 planning review</span>', 'Focus block</span>'],
  withGuests(''),
  ['<div class="UfeRlc">6 guests</div>', '<div class="UfeRlc"></div>'],
  ['<div class="AzuXid O2VjS">3 yes, 1 no, 1 maybe, 1 awaiting</div>', ''],
]);

const many = Array.from({ length: 30 }, (_, i) =>
  guestRow(`guest${i + 1}@bigco.example`, `Guest ${i + 1}`, `Guest ${i + 1}, Attending`, TICK),
).join('\n              ');
variant('large', 'An all-hands with 30 other guests: over the default limit of 25.', [
  ['Q4 planning review</span>', 'All-hands</span>'],
  withGuests(`${selfRow}\n              ${many}`),
  ['<div class="UfeRlc">6 guests</div>', '<div class="UfeRlc">31 guests</div>'],
]);

const hostileTitle = '&lt;img src=x onerror="window.__pwned=1"&gt; Budget &amp; &lt;b&gt;plans&lt;/b&gt;';
const hostileName = '&lt;script&gt;window.__pwned=2&lt;/script&gt;Mallory';
variant('hostile', 'A title and a guest name made of HTML and script (escaped in the page, so they are text).', [
  ['Q4 planning review</span>', `${hostileTitle}</span>`],
  withGuests(
    `${selfRow}\n              ${guestRow('mallory@evil.example', hostileName, 'Mallory, Attending', TICK)}\n              ${guestRow('javascript:alert(1)', 'Not an email', 'Not an email, Attending', TICK)}`,
  ),
  ['<div class="UfeRlc">6 guests</div>', '<div class="UfeRlc">3 guests</div>'],
]);

variant('cross-midnight', 'A meeting from 10pm to 6:30am the next day: the card names both days.', [
  ['Q4 planning review</span>', 'Red-eye handover</span>'],
  [timeLine, 'November 27, 2026, 10:00pm – November 28, 2026, 6:30am'],
  ['data-datekey="29048"', 'data-datekey="29051"'],
]);

variant('all-day', 'An all-day event with guests: no times, one day.', [
  ['Q4 planning review</span>', 'Team offsite</span>'],
  [timeLine, 'Tuesday, November 24'],
]);

variant(
  'redesigned',
  'A future redesign: the card and its id are there, but its date is drawn without text and its guest list is gone.',
  [
    ['id="xDetDlgWhen"', 'id="xDetDlgWhenV2"'],
    [
      `<div class="AzuXid O2VjS CyPPBf">${timeLine}</div>`,
      '<div class="z9Q1x"><span class="Qx7Rv" data-range-token="k9"></span></div>',
    ],
    ['jsname="MsyPn" class="Rzij1d" role="tree"', 'jsname="Zz9" class="Q1x" role="list"'],
  ],
);

// ---- Google Groups among the guests -------------------------------------------------------------------------
const member = (email, name) =>
  guestRow(email, name, `${name}, Attending`, TICK).replace(/\n {14}/g, '\n                  ');
const groupRow = (expanded) =>
  `<div role="treeitem" tabindex="-1" class="nBzcnc Wm6kRe OcVpRe" jsname="haAclf" data-email="eng-leads@example.com" key="eng-leads@example.com" aria-label="Engineering leads, 3 members" data-is-expandable="true" aria-expanded="${expanded}" jsaction="click:cOuCgd; keydown:I481le">
                <div aria-hidden="true" class="zZj8Pb EaVNbc"><div class="jPtXgd"><img class="Gt6bfb" src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==" alt=""></div></div>
                <div class="toUqff DbpAnb" data-hovercard-id="eng-leads@example.com" data-hovercard-owner-id="35">
                  <div class="ddPise"><span class="SDqFWd"><span>Engineering leads</span></span></div>
                  <div class="dHiIVd">3 members</div>
                </div>
                <div role="group" class="TRc6bd"${expanded ? '' : ' hidden'}>
                  ${member('lena.fischer@example.com', 'Lena Fischer')}
                  ${member('omar.haddad@example.com', 'Omar Haddad')}
                  ${member('yuki.tanaka@example.com', 'Yuki Tanaka')}
                </div>
              </div>`;
variant(
  'group',
  'A Google Group among the guests (collapsed: its members are in the page but hidden); the group is not a person. UNVERIFIED row shape: data-is-expandable and data-email as the issue describes, aria-expanded and the nested role=group assumed.',
  [
    withGuests(`${allGuests}  ${groupRow(false)}\n              `),
    ['<div class="UfeRlc">6 guests</div>', '<div class="UfeRlc">7 guests</div>'],
  ],
);
variant('group-expanded', 'The same group expanded: Calendar lists its three members, who are logged.', [
  withGuests(`${allGuests}  ${groupRow(true)}\n              `),
  ['<div class="UfeRlc">6 guests</div>', '<div class="UfeRlc">7 guests</div>'],
]);

// ---- Class names rotated: every hashed class of the page replaced --------------------------------------------
const rotate = (token) =>
  token.replace(/[A-Za-z]/g, (c) => {
    const a = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - a + 7) % 26) + a);
  });
const rotateClasses = (html) =>
  html
    .replace(/ class="([^"]*)"/g, (_, list) => ` class="${list.split(/\s+/).filter(Boolean).map(rotate).join(' ')}"`)
    .replace(
      /<style>([\s\S]*?)<\/style>/,
      (_, css) => `<style>${css.replace(/\.([A-Za-z][\w-]*)/g, (__, c) => `.${rotate(c)}`)}</style>`,
    );
variant(
  'rotated',
  "Calendar's next class-name rotation: every class on the page replaced by another hash (AzuXid, pPTZAe, SDqFWd, dHiIVd, kAfU4b, UfeRlc, XuJrye all gone); ids, roles, jsname and data-* kept.",
  [rotateClasses],
);
variant(
  'rotated-no-dot',
  'Rotated classes, and the date and time in two spans with no ⋅ between them: found by structure and content.',
  [
    [timeLine, 'Tuesday, November 24</span> <span>1:00 – 2:00pm'],
    ['<div class="AzuXid O2VjS CyPPBf">', '<div class="AzuXid O2VjS CyPPBf"><span>'],
    rotateClasses,
  ],
);

// ---- A moved instance of a recurring meeting ------------------------------------------------------------------
// The weekly sync's instance of Monday 2026-11-16 10:00 New York (15:00 UTC, kept in its id) moved to Tuesday
// 2026-11-17 11:00-11:30: the card and the chip's column show the real time.
const MOVED = b64('b028tvasrf4039si1mg44gaske_20261116T150000Z alex.morgan@example.com');
const MOVED_RAW = 'b028tvasrf4039si1mg44gaske_20261116T150000Z';
variant(
  'moved',
  'An instance of a weekly meeting moved a day and an hour later: its id keeps the original start (2026-11-16 15:00 UTC), the card shows Tuesday November 17, 11:00 – 11:30am.',
  [
    [Q4, MOVED],
    ['&quot;k5058hfr4d2s30ltiuocpedthd&quot;', `&quot;${MOVED_RAW}&quot;`],
    ['Q4 planning review</span>', 'Weekly sync</span>'],
    [
      timeLine,
      'Tuesday, November 17<span class="grQv0">⋅</span><span>11:00 – 11:30am</span></div><div class="AzuXid O2VjS">Weekly on Monday',
    ],
    ['data-datekey="29048"', 'data-datekey="29041"'],
    ['1pm to 2pm, Q4 planning review,', '11am to 11:30am, Weekly sync,'],
    withGuests(
      `${selfRow}\n              ${guestRow('jordan.lee@example.com', 'Jordan Lee', 'Jordan Lee, Attending, Organizer', TICK, 'Organizer')}`,
    ),
    ['<div class="UfeRlc">6 guests</div>', '<div class="UfeRlc">2 guests</div>'],
  ],
);

// ---- Guest lists Calendar shortens ----------------------------------------------------------------------------
const crowd = (n) =>
  Array.from({ length: n }, (_, i) =>
    guestRow(`member${i + 1}@bigco.example`, `Member ${i + 1}`, `Member ${i + 1}, Attending`, TICK),
  ).join('\n              ');
const priyaRow = guestRow(
  'priya.raman@example.com',
  'Priya Raman',
  'Priya Raman, Attending, Organizer',
  TICK,
  'Organizer',
);
variant(
  'shortened',
  'A town hall of 32 guests of which the card lists 20, then "and 12 more" (UNVERIFIED wording and shape).',
  [
    ['Q4 planning review</span>', 'Town hall</span>'],
    withGuests(
      `${priyaRow}\n              ${selfRow}\n              ${crowd(18)}\n              <div role="button" tabindex="0" class="nBzcnc OcVpRe" jsname="YQ2Tcb" aria-label="Show 12 more guests">and 12 more</div>`,
    ),
    ['<div class="UfeRlc">6 guests</div>', '<div class="UfeRlc">32 guests</div>'],
    ['3 yes, 1 no, 1 maybe, 1 awaiting', '20 yes, 12 awaiting'],
  ],
);
variant(
  'collapsed',
  'The same town hall with its guest list collapsed: the header says 32 guests, the list shows none (UNVERIFIED toggle).',
  [
    ['Q4 planning review</span>', 'Town hall</span>'],
    withGuests(''),
    [
      '<div class="UfeRlc">6 guests</div>',
      '<div class="UfeRlc">32 guests</div><button type="button" class="pYTkkf-Bz112c-LgbsSe" aria-expanded="false" aria-label="Show guest list"></button>',
    ],
    ['3 yes, 1 no, 1 maybe, 1 awaiting', '20 yes, 12 awaiting'],
  ],
);

// ---- The user's own answer -----------------------------------------------------------------------------------
variant(
  'response-conflict',
  'Signals disagree: the "Yes" button is pressed and the chip says Accepted, but the user\'s own row says Not attending.',
  [
    withGuests(
      allGuests.replace(
        selfBlock,
        guestRow('alex.morgan@example.com', 'Alex Morgan', 'Alex Morgan, Not attending', CROSS),
      ),
    ),
  ],
);
variant(
  'response-none',
  "No signal at all: no answer buttons, no row for the user, and a chip label without an answer (someone else's calendar).",
  [
    withGuests(allGuests.replace(selfBlock, '')),
    ['<div class="UfeRlc">6 guests</div>', '<div class="UfeRlc">5 guests</div>'],
    [', Alex Morgan, Accepted, Location:', ', Calendar: Priya Raman, Location:'],
    (html) => html.replace(/<div class="FKqJcf">[\s\S]*?<\/div><\/div><\/div>\n/, ''),
  ],
);

// ---- Calendar's languages ------------------------------------------------------------------------------------
// The day as Intl.DateTimeFormat writes it for the language; the times as Calendar's own chip labels show them
// (locale-aria-samples.txt, "Team meeting", 13:00-14:00) or, for French, Portuguese and Dutch, which the
// samples lack, as Intl.DateTimeFormat writes a time range. Guest words: see lib/calendar/google/words.ts.
const DAY = new Date(Date.UTC(2026, 10, 24, 12));
const dayIn = (locale) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(DAY);
const intlRange = (locale, hour12) =>
  new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', hour12, timeZone: 'UTC' }).formatRange(
    Date.UTC(2026, 10, 24, 13),
    Date.UTC(2026, 10, 24, 14),
  );
const LANGS = [
  // locale, zone, [24-hour times, 12-hour times], attending, not attending, maybe, organizer, optional, guests, accepted, declined
  [
    'fr',
    'Europe/Paris',
    [intlRange('fr', false), intlRange('fr', true)],
    'Participe',
    'Ne participe pas',
    'Peut-être',
    'Organisateur',
    'Facultatif',
    '6 invités',
    'Accepté',
    'Refusé',
  ],
  [
    'es',
    'Europe/Madrid',
    ['13:00 – 14:00', '1 – 2pm'],
    'Asistirá',
    'No asistirá',
    'Quizás',
    'Organizador',
    'Opcional',
    '6 invitados',
    'Aceptado',
    'Rechazado',
  ],
  [
    'pt-BR',
    'America/Sao_Paulo',
    [intlRange('pt-BR', false), intlRange('pt-BR', true)],
    'Vai participar',
    'Não vai participar',
    'Talvez',
    'Organizador',
    'Opcional',
    '6 convidados',
    'Aceito',
    'Recusado',
  ],
  [
    'it',
    'Europe/Rome',
    ['13:00 – 14:00', '1 – 2PM'],
    'Parteciperà',
    'Non parteciperà',
    'Forse',
    'Organizzatore',
    'Facoltativo',
    '6 invitati',
    'Accettato',
    'Rifiutato',
  ],
  [
    'nl',
    'Europe/Amsterdam',
    [intlRange('nl', false), intlRange('nl', true)],
    'Neemt deel',
    'Neemt niet deel',
    'Misschien',
    'Organisator',
    'Optioneel',
    '6 gasten',
    'Geaccepteerd',
    'Geweigerd',
  ],
  [
    'pl',
    'Europe/Warsaw',
    ['13:00–14:00', '1–2pm'],
    'Weźmie udział',
    'Nie weźmie udziału',
    'Może',
    'Organizator',
    'Opcjonalnie',
    '6 gości',
    'Zaakceptowano',
    'Odrzucono',
  ],
  [
    'ko',
    'Asia/Seoul',
    ['13:00~14:00', '오후 1시~ 2시'],
    '참석',
    '불참',
    '미정',
    '주최자',
    '선택사항',
    '참석자 6명',
    '수락함',
    '거절함',
  ],
  [
    'zh-CN',
    'Asia/Shanghai',
    ['13:00 - 14:00', '下午1点 - 2点'],
    '参加',
    '不参加',
    '可能参加',
    '组织者',
    '可选',
    '6 位邀请对象',
    '已接受',
    '已拒绝',
  ],
  [
    'ar',
    'Asia/Riyadh',
    ['13:00\u200f – 14:00', '1 \u200f – 2 م'],
    'سيحضر',
    'لن يحضر',
    'ربما',
    'المنظم',
    'اختياري',
    '6 ضيوف',
    'تم القبول',
    'تم الرفض',
  ],
  [
    'he',
    'Asia/Jerusalem',
    ['13:00 – 14:00', '1  – 2 אח.'],
    'משתתף',
    'לא משתתף',
    'אולי',
    'מארגן',
    'אופציונלי',
    '6 אורחים',
    'אושר',
    'נדחה',
  ],
];
const RTL = new Set(['ar', 'he']);
function languageEdits([locale, zone, , yes, no, maybe, organizer, optional, guests, accepted], day, times) {
  const sep = locale === 'ar' ? '، ' : ', ';
  return [
    ['<html lang="en"', `<html lang="${locale}"${RTL.has(locale) ? ' dir="rtl"' : ''}`],
    [timeLine, `${day}<span class="grQv0">⋅</span><span>${times}</span>`],
    ['aria-label="Priya Raman, Attending, Organizer"', `aria-label="Priya Raman${sep}${yes}${sep}${organizer}"`],
    ['<div class="dHiIVd">Organizer</div>', `<div class="dHiIVd">${organizer}</div>`],
    ['aria-label="Alex Morgan, Attending"', `aria-label="Alex Morgan${sep}${yes}"`],
    ['aria-label="Jordan Lee, Attending"', `aria-label="Jordan Lee${sep}${yes}"`],
    ['aria-label="Sam Okafor, Not attending"', `aria-label="Sam Okafor${sep}${no}"`],
    ['aria-label="Wei Chen, Maybe, Optional"', `aria-label="Wei Chen${sep}${maybe}${sep}${optional}"`],
    ['<div class="dHiIVd">Optional</div>', `<div class="dHiIVd">${optional}</div>`],
    ['<div class="UfeRlc">6 guests</div>', `<div class="UfeRlc">${guests}</div>`],
    [', Alex Morgan, Accepted, Location:', `, Alex Morgan, ${accepted}, Location:`],
    ...userInfo(zone, locale),
  ];
}
for (const lang of LANGS) {
  const [locale, zone, [h24, h12]] = lang;
  variant(
    `${locale}-24h`,
    `${locale}, 24-hour clock, Calendar in ${zone}: 13:00 – 14:00 on Tuesday 24 November.`,
    languageEdits(lang, dayIn(locale), h24),
  );
  variant(
    `${locale}-12h`,
    `${locale}, 12-hour clock, Calendar in ${zone}: 1 – 2pm on Tuesday 24 November.`,
    languageEdits(lang, dayIn(locale), h12),
  );
}
const arabic = LANGS.find(([locale]) => locale === 'ar');
variant(
  'ar-indic-digits',
  'Arabic with Arabic-Indic digits, as Intl.DateTimeFormat writes ar-EG (Calendar itself showed Western digits in the samples).',
  languageEdits(arabic, dayIn('ar-EG'), intlRange('ar-EG', true)),
);
const french = LANGS.find(([locale]) => locale === 'fr');
variant(
  'fr-declined',
  'French, 24-hour clock: the signed-in user declined (the "Non" answer pressed, their row, the chip).',
  [
    ...languageEdits(french, dayIn('fr'), intlRange('fr', false)).filter(
      ([from]) => !from.startsWith(', Alex Morgan, Accepted'),
    ),
    [`aria-label="Alex Morgan, ${french[3]}"`, `aria-label="Alex Morgan, ${french[4]}"`],
    [
      'aria-pressed="true" data-button-type="actionButton" id="xRsvpYesBu"',
      'aria-pressed="false" data-button-type="actionButton" id="xRsvpYesBu"',
    ],
    ['aria-label="Respond No" aria-pressed="false"', 'aria-label="Respond No" aria-pressed="true"'],
    [', Alex Morgan, Accepted, Location:', `, Alex Morgan, ${french[10]}, Location:`],
    (html) => html.replace(/(data-email="alex\.morgan@example\.com"[\s\S]*?<path d=")M9 16\.17[^"]*"/, `$1${CROSS}"`),
  ],
);

// ---- One variant per selector fallback: the entries before it match nothing, so it must carry the read --------
// tests/calendar/selectors.test.ts checks that every fallback in lib/calendar/google/selectors.ts has one here.
const fallback = (name, entry, about, edits, from = base) =>
  variant(`fallback-${name}-${entry}`, `selector "${name}", entry ${entry}: ${about}`, edits, from);
fallback('card', 1, 'the card carries its id only in its jslog (no data-eventid).', [
  (html) => html.replace(/(data-origin="2") data-eventid="[^"]+"/, '$1'),
]);
fallback(
  'actionBarButton',
  1,
  'the toolbar class and the delete button id are gone: the edit button finds the toolbar.',
  [
    ['<div class="pPTZAe">', '<div class="Q0xk2b">'],
    ['id="xDetDlgDelBu" ', ''],
  ],
);
fallback('title', 1, 'the title has no id.', [['id="rAECCd"', '']]);
fallback('guestList', 1, 'the guest list is not a role=tree.', [
  ['jsname="MsyPn" class="Rzij1d" role="tree"', 'jsname="MsyPn" class="Rzij1d"'],
]);
fallback('guestList', 2, 'the guest list has another jsname.', [['jsname="MsyPn"', 'jsname="Hq4Zbe"']]);
fallback('guest', 1, 'guest rows are not treeitems.', [(html) => html.replace(/role="treeitem" /g, '')]);
fallback('guestName', 1, 'the name span class rotated.', [(html) => html.replace(/class="SDqFWd"/g, 'class="Kp3Wd"')]);
fallback('guestFlag', 1, 'the Organizer / Optional line class rotated.', [
  (html) => html.replace(/class="dHiIVd"/g, 'class="Mx7Qe"'),
]);
fallback('guestStatusIcon', 1, 'the status badge class rotated.', [
  (html) => html.replace(/class="kAfU4b"/g, 'class="Vb2Rt"'),
]);
fallback(
  'guestGroup',
  1,
  'the group row has no data-is-expandable: its aria-expanded tells it apart.',
  [['data-is-expandable="true" ', '']],
  pages.get('group'),
);
fallback('guestCount', 1, 'the "N guests" line class rotated.', [
  ['<div class="UfeRlc">6 guests</div>', '<div class="Rw5Tq">6 guests</div>'],
]);
fallback('rsvpButtons', 1, 'the answer buttons have no ids.', [
  [' id="xRsvpYesBu"', ''],
  [' id="xRsvpNoBu"', ''],
  [' id="xRsvpMaybeBu"', ''],
]);
fallback('chipLabel', 1, "the chip's hidden label class rotated.", [
  (html) => html.replace(/<div class="XuJrye">1pm to 2pm/, '<div class="Zt5Kq">1pm to 2pm'),
]);

// ---- The full event page ---------------------------------------------------------------------------------------
editVariant('en', 'English, 12-hour clock, New York time: the saved page unchanged.', []);
editVariant('fallback-editEvent-1', 'selector "editEvent", entry 1: the event element has another jsname.', [
  ['jsname="SF0uGd"', 'jsname="Wq2Lbe"'],
]);
editVariant('fallback-editTitle-1', 'selector "editTitle", entry 1: the title input has no id.', [['id="xTiIn" ', '']]);
editVariant('fallback-editDates-1', 'selector "editDates", entry 1: the date inputs have no ids.', [
  ['id="xStDaIn" ', ''],
  ['id="xEnDaIn" ', ''],
]);
editVariant('fallback-editTimes-1', 'selector "editTimes", entry 1: the time inputs have no ids.', [
  ['id="xStTiIn" ', ''],
  ['id="xEnTiIn" ', ''],
]);
editVariant('fallback-editSave-1', 'selector "editSave", entry 1: the Save button has no id.', [['id="xSaveBu" ', '']]);
editVariant('de', 'German, 24-hour clock, Calendar in Europe/Berlin: the times as the page writes them.', [
  ['<html lang="en"', '<html lang="de"'],
  ['value="1:00pm" data-initial-value="1:00pm"', 'value="13:00" data-initial-value="13:00"'],
  ['value="2:00pm" data-initial-value="2:00pm"', 'value="14:00" data-initial-value="14:00"'],
  ['<div id="xTimezone">America/New_York</div>', '<div id="xTimezone">Europe/Berlin</div>'],
  ['<div id="xUserLocale">en</div>', '<div id="xUserLocale">de</div>'],
]);
