import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPopupStart } from '../lib/popup/snapshot-rows';

// Loaded by popup.html before the popup's code, so that reading the data and loading the code overlap. It only
// reads (no schema library): its own loading is all the read waits for.
export default defineUnlistedScript(() => {
  Object.assign(globalThis, { bridgesPopupStart: readPopupStart() });
});
