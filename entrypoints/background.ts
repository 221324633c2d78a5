import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '../lib/background/handlers';
import { getDb } from '../lib/db/app-db';
import { onMessages } from '../lib/messaging';

export default defineBackground(() => {
  onMessages(createHandlers(getDb()));
});
