/**
 * How a large input travels from a page to the background: in parts of JSON text, each bounded (lib/data/upload.ts
 * sends them, lib/commands/uploads.ts takes them in). The page and the background agree on these, so they live
 * below both.
 */

/** At most this many characters of JSON in one part (the page makes parts of about a tenth of this). */
export const MAX_PART_CHARS = 8 * 1024 * 1024;
/** The size of part the page aims for. */
export const PART_CHARS = 1024 * 1024;
/** At most this many parts in one upload. */
export const MAX_PARTS = 5000;
/** At most this many records of each kind in one part of a backup. */
export const BACKUP_PART_SIZE = 2000;
/** At most this many meetings in one part of a calendar file. */
export const CALENDAR_PART_SIZE = 500;

/**
 * The name of the port a page opens for each upload it sends (lib/data/upload.ts): the port closes when the page
 * goes away (closed, reloaded, navigated), and the background then forgets the upload at once, not ten minutes
 * later.
 */
export const UPLOAD_PORT = 'bridges-upload:';
