import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../lib/background/handlers';
import { AppDB } from '../lib/db/app-db';
import { MESSAGE_NAMES, onMessages, sendMessage } from '../lib/messaging';

beforeEach(() => fakeBrowser.reset());

describe('the message protocol', () => {
  it('has a background handler for every message, and no handler for a message it does not name', () => {
    expect(Object.keys(createHandlers(new AppDB('protocol'))).sort()).toEqual([...MESSAGE_NAMES].sort());
  });

  it('carries a handler failure back to the sender as an error', async () => {
    const handlers = createHandlers(new AppDB('protocol'));
    onMessages({ ...handlers, meetingStatus: async () => Promise.reject(new Error('disk full')) });
    await expect(sendMessage('meetingStatus', { eventId: 'x' })).rejects.toThrow('disk full');
  });

  it('ignores messages that are not part of the protocol', async () => {
    onMessages(createHandlers(new AppDB('protocol')));
    await expect(fakeBrowser.runtime.sendMessage({ type: 'logMeeting' })).resolves.toBeUndefined();
  });
});
