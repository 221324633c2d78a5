import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { serveCommands } from '../lib/background/dispatch';
import { closeStorageToContentScripts, openDatabase } from '../lib/background/start';
import { getDb } from '../lib/db/app-db';
import { withUpgrades } from '../lib/db/upgrades';
import { createFeedSync, FEED_ALARM } from '../lib/feed/scheduled-sync';
import { createFirstPaintKeeper, FIRST_PAINT_ALARM } from '../lib/popup/first-paint-keeper';
import { createReminders, DIGEST_NOTIFICATION } from '../lib/reminders/weekly-reminder';
import { createBrowserSync, SYNC_ALARM } from '../lib/sync/background';
import { watchWrites } from '../lib/sync/watch';

export default defineBackground(() => {
  // The background creates and upgrades the database: its upgrades are added here only.
  const db = withUpgrades(getDb());
  // What sync across browsers must write again is noted as it is written (before the database opens).
  const watch = watchWrites(db);
  // The popup's first screen, ready in session storage; dropped at every write to what it shows.
  const firstPaint = createFirstPaintKeeper(db);
  watch.listen(firstPaint.written);
  if (import.meta.env.WXT_BENCH === '1') Object.assign(globalThis, { bridgesBenchFirstPaint: firstPaint });
  void closeStorageToContentScripts();
  // The database is opened and upgraded here, first; every command waits for it.
  const ready = openDatabase(db, browser.storage.local);
  const reminders = createReminders(db);
  // Benchmark builds only (WXT_BENCH=1): the feed's timings, for `npm run bench` to read from the worker.
  const timings: unknown[] = [];
  if (import.meta.env.WXT_BENCH === '1') Object.assign(globalThis, { bridgesBenchFeed: timings });
  // Sync across browsers: the browser's own sync, end-to-end encrypted; its timings in benchmark builds.
  const syncTimings: unknown[] = [];
  if (import.meta.env.WXT_BENCH === '1') Object.assign(globalThis, { bridgesBenchSync: syncTimings });
  const sync = createBrowserSync(
    db,
    watch,
    reminders,
    import.meta.env.WXT_BENCH === '1' ? (t) => syncTimings.push(t) : undefined,
  );
  const feeds = createFeedSync(db, {
    now: Date.now,
    changed: async () => {
      void sync.changed().catch(() => undefined);
      await reminders.refresh();
    },
    record: import.meta.env.WXT_BENCH === '1' ? (t) => timings.push(t) : undefined,
  });
  serveCommands(db, { ready, now: Date.now, reminders, feeds, sync });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync') void ready.then(() => sync.remoteChanged(changes));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    void ready.then(async () => {
      if (alarm.name === FEED_ALARM) await feeds.sync();
      else if (alarm.name === FIRST_PAINT_ALARM) firstPaint.onAlarm(alarm.name);
      else if (alarm.name === SYNC_ALARM) await sync.onAlarm();
      else await reminders.onAlarm(alarm.name);
    });
  });
  browser.notifications?.onClicked.addListener((id) => {
    if (id === DIGEST_NOTIFICATION) void browser.runtime.openOptionsPage();
  });
  // Every start of the background (browser start, install, update, wake-up): idempotent.
  void ready.then(() => {
    firstPaint.start();
    return Promise.all([reminders.start(), feeds.schedule(), sync.start().catch(() => undefined)]);
  });
});
