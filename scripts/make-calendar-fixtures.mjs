// Writes the locale and edge-case variants of the saved event card (tests/fixtures/google-calendar/
// event-detail-dialog.html, copied from the project's shared Calendar captures). The outputs are committed
// data; run this again only to change them: node scripts/make-calendar-fixtures.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../tests/fixtures/google-calendar/', import.meta.url);
const base = readFileSync(new URL('event-detail-dialog.html', dir), 'utf8');
const b64 = (s) => Buffer.from(s).toString('base64').replace(/=+$/, '');
const Q4 = 'azUwNThoZnI0ZDJzMzBsdGl1b2NwZWR0aGQgYWxleC5tb3JnYW5AZXhhbXBsZS5jb20';

function variant(name, about, edits) {
  let html = base;
  for (const [from, to] of edits) {
    if (!html.includes(from)) throw new Error(`${name}: "${from.slice(0, 60)}" not found`);
    html = html.split(from).join(to);
  }
  html = html.replace(
    '<!DOCTYPE html>\n<!--',
    `<!DOCTYPE html>\n<!--\n  VARIANT "${name}" of event-detail-dialog.html, written by scripts/make-calendar-fixtures.mjs: ${about}\n`,
  );
  writeFileSync(new URL(`dialog.${name}.html`, dir), html);
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
  'A future redesign: the card and its id are there, but no date line or guest list can be found.',
  [
    ['id="xDetDlgWhen"', 'id="xDetDlgWhenV2"'],
    ['class="AzuXid O2VjS CyPPBf"', 'class="z9Q1x"'],
    ['jsname="MsyPn" class="Rzij1d" role="tree"', 'jsname="Zz9" class="Q1x" role="list"'],
  ],
);
