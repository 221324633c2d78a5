import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPopupSnapshot } from '../lib/popup/snapshot';

// Loaded by popup.html before the popup's code, so that reading the data and loading the code overlap.
export default defineUnlistedScript(() => {
  Object.assign(globalThis, { bridgesPopupData: readPopupSnapshot() });
});
