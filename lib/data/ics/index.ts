/**
 * Calendar files (.ics): `readIcs` reads a file into events (pure: the options page and the background's
 * calendar feed run the same reader), `importEvents` logs them with the rules of logging from the page.
 */
export { EMPTY_SUMMARY, type IcsSummary, importEvents } from './import';
export {
  type IcsCappedSeries,
  type IcsEvent,
  type IcsReading,
  type IcsSkip,
  type ReadIcsOptions,
  readIcs,
} from './read';
