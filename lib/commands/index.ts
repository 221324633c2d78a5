import type * as v from 'valibot';
import { answerOwnAddress } from './answer-own-address';
import { askAboutGuests } from './ask-about-guests';
import { beginUpload } from './begin-upload';
import { cancelUpload } from './cancel-upload';
import type { Command } from './command';
import { deleteAll } from './delete-all';
import { deleteGroup } from './delete-group';
import { deletePerson } from './delete-person';
import { forgetSyncedData } from './forget-synced-data';
import { importCalendar } from './import-calendar';
import { logContact } from './log-contact';
import { logMeeting } from './log-meeting';
import { meetingBrief } from './meeting-brief';
import { meetingStatus } from './meeting-status';
import { mergePeople } from './merge-people';
import { noteBooked } from './note-booked';
import { openDatabase } from './open-database';
import { reminderSeen } from './reminder-seen';
import { restoreBackup } from './restore-backup';
import { saveFeeds } from './save-feeds';
import { saveGroup } from './save-group';
import { saveSettings } from './save-settings';
import { sendUploadPart } from './send-upload-part';
import { syncFeeds } from './sync-feeds';
import { syncNow } from './sync-now';
import { turnSyncOff } from './turn-sync-off';
import { turnSyncOn } from './turn-sync-on';
import { updatePeople } from './update-people';
import { weeklyPick } from './weekly-pick';

/**
 * Every command the background accepts, by name: the one table. The message protocol's types are derived
 * from it (lib/messaging-protocol.ts), and the background's dispatcher (lib/background/dispatch.ts) looks
 * commands up here.
 */
export const COMMANDS = {
  logMeeting,
  meetingStatus,
  askAboutGuests,
  meetingBrief,
  logContact,
  updatePeople,
  weeklyPick,
  reminderSeen,
  mergePeople,
  deletePerson,
  saveGroup,
  deleteGroup,
  saveSettings,
  answerOwnAddress,
  deleteAll,
  beginUpload,
  cancelUpload,
  sendUploadPart,
  restoreBackup,
  importCalendar,
  saveFeeds,
  syncFeeds,
  openDatabase,
  turnSyncOn,
  turnSyncOff,
  forgetSyncedData,
  syncNow,
  noteBooked,
} satisfies Record<string, Command<v.GenericSchema, unknown>>;

export type Commands = typeof COMMANDS;
export type CommandName = keyof Commands;
