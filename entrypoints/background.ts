import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '../lib/background/handlers';
import { getDb } from '../lib/db/app-db';
import { onMessages } from '../lib/messaging';
import { createReminders, DIGEST_NOTIFICATION } from '../lib/reminders/service';
import { remindersItem } from '../lib/settings';

export default defineBackground(() => {
  const db = getDb();
  const reminders = createReminders(db);
  onMessages(createHandlers(db, Date.now, reminders));
  browser.alarms.onAlarm.addListener((alarm) => void reminders.onAlarm(alarm.name));
  browser.notifications?.onClicked.addListener((id) => {
    if (id === DIGEST_NOTIFICATION) void browser.runtime.openOptionsPage();
  });
  remindersItem.watch(() => void reminders.reschedule());
  // Every start of the background (browser start, install, update, wake-up): idempotent.
  void reminders.start();
});
