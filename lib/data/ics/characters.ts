/**
 * The characters a calendar file's lines are made of, by name, as UTF-16 code units: the reader compares code
 * units (`charCodeAt`) rather than one-character strings, which keeps a 200 MB file's scan free of allocations.
 */
export const LF = 0x0a;
export const CR = 0x0d;
export const TAB = 0x09;
export const SPACE = 0x20;
export const QUOTE = 0x22; // "
export const COMMA = 0x2c; // ,
export const HYPHEN = 0x2d; // -
export const COLON = 0x3a; // :
export const SEMICOLON = 0x3b; // ;
export const EQUALS = 0x3d; // =
export const BYTE_ORDER_MARK = 0xfeff;

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;

/** A letter, digit or hyphen: what property and parameter names are made of (RFC 5545 3.1, iana-token). */
export function isNameChar(c: number): boolean {
  return (
    (c >= UPPER_A && c <= UPPER_Z) || (c >= LOWER_A && c <= LOWER_Z) || (c >= DIGIT_0 && c <= DIGIT_9) || c === HYPHEN
  );
}

/** A space or a tab at the start of a line: the line continues the one before (RFC 5545 3.1, folding). */
export function isFoldMark(c: number): boolean {
  return c === SPACE || c === TAB;
}
