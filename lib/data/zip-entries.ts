import { Inflate } from 'fflate';

/**
 * The files of a .zip as its central directory lists them, and each one's bytes on request, unpacked no
 * further than the size the directory declares for it.
 *
 * fflate does the unpacking (its streaming Inflate). Its unzipSync is not used: it does not say where an
 * entry's data begins, so nothing can be read lazily, and it unpacks into a buffer of the declared size, so an
 * entry that unpacks to more comes out silently cut. The directory is read here instead (APPNOTE.TXT 4.3.12,
 * 4.3.16; Zip64: 4.3.14, 4.3.15, 4.5.3).
 */
export interface ZipEntry {
  /** Its full path inside the zip: two folders may hold files of one name. */
  path: string;
  /** 0: stored, 8: deflated. */
  method: number;
  /** Bit 0: encrypted. */
  flags: number;
  compressedSize: number;
  /** What it unpacks to, as the directory declares. */
  size: number;
  /** Where its local header begins. */
  offset: number;
}

/** The zip itself cannot be read: its words say why ("its directory is damaged"). */
export class ZipError extends Error {
  override name = 'ZipError';
}

export type Unpacked =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; problem: 'size' | 'damaged' | 'encrypted' | 'method' };

const END = 0x06054b50;
const END64_LOCATOR = 0x07064b50;
const END64 = 0x06064b50;
const DIRECTORY = 0x02014b50;
const LOCAL = 0x04034b50;
const UNKNOWN_32 = 0xffffffff;
/** The end record is 22 bytes and may be followed by a comment of up to 65,535. */
const MAX_END_DISTANCE = 22 + 0xffff;
/** Compressed bytes given to the inflater at a time: the most it can overshoot the declared size is bounded by it. */
const STEP = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    const value = this.view.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('its directory is damaged');
    return Number(value);
  }
}

/** A name as the zip wrote it: UTF-8 when flagged (bit 11), and when it reads as UTF-8 anyway; else Latin-1. */
function nameOf(bytes: Uint8Array, flags: number): string {
  if (flags & 0x800) return new TextDecoder('utf-8').decode(bytes);
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

/** Every entry of the zip's directory, in its order. Reads names and sizes only, never the files. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const r = new Reader(bytes);
  try {
    let end = -1;
    for (let at = bytes.length - 22; at >= 0 && bytes.length - at <= MAX_END_DISTANCE; at--) {
      if (r.u32(at) === END) {
        end = at;
        break;
      }
    }
    if (end < 0) throw new ZipError('it has no directory of its files');
    let count = r.u16(end + 10);
    let at = r.u32(end + 16);
    if (end >= 20 && r.u32(end - 20) === END64_LOCATOR) {
      const end64 = r.u64(end - 12);
      if (r.u32(end64) === END64) {
        count = r.u64(end64 + 32);
        at = r.u64(end64 + 48);
      }
    }
    const entries: ZipEntry[] = [];
    // Each record is at least 46 bytes: a count larger than the file could hold stops at its end.
    for (let i = 0; i < count; i++) {
      if (r.u32(at) !== DIRECTORY) throw new ZipError('its directory is damaged');
      const flags = r.u16(at + 8);
      const method = r.u16(at + 10);
      let compressedSize = r.u32(at + 20);
      let size = r.u32(at + 24);
      const nameLength = r.u16(at + 28);
      const extraLength = r.u16(at + 30);
      const commentLength = r.u16(at + 32);
      let offset = r.u32(at + 42);
      const nameAt = at + 46;
      if (nameAt + nameLength > bytes.length) throw new ZipError('its directory is damaged');
      const path = nameOf(bytes.subarray(nameAt, nameAt + nameLength), flags);
      if (size === UNKNOWN_32 || compressedSize === UNKNOWN_32 || offset === UNKNOWN_32) {
        // Zip64: the real values are in the extra field 0x0001, in this order, only for those marked unknown.
        const extraEnd = nameAt + nameLength + extraLength;
        for (let x = nameAt + nameLength; x + 4 <= extraEnd; x += 4 + r.u16(x + 2)) {
          if (r.u16(x) !== 0x0001) continue;
          let field = x + 4;
          const next = () => {
            const value = r.u64(field);
            field += 8;
            return value;
          };
          if (size === UNKNOWN_32) size = next();
          if (compressedSize === UNKNOWN_32) compressedSize = next();
          if (offset === UNKNOWN_32) offset = next();
          break;
        }
      }
      entries.push({ path, method, flags, compressedSize, size, offset });
      at = nameAt + nameLength + extraLength + commentLength;
    }
    return entries;
  } catch (error) {
    if (error instanceof ZipError) throw error;
    // A DataView read past the end: an offset or a count that the file cannot hold.
    throw new ZipError('its directory is damaged');
  }
}

/**
 * One entry's bytes. An entry that unpacks to more or less than the directory declares is refused (`size`),
 * and the unpacking stops soon after the declared size is passed: a file that lies about its size is neither
 * cut nor allowed to run on.
 */
export function unpackEntry(bytes: Uint8Array, entry: ZipEntry): Unpacked {
  if (entry.flags & 1) return { ok: false, problem: 'encrypted' };
  if (entry.method !== 0 && entry.method !== 8) return { ok: false, problem: 'method' };
  let data: Uint8Array;
  try {
    const r = new Reader(bytes);
    if (r.u32(entry.offset) !== LOCAL) return { ok: false, problem: 'damaged' };
    const start = entry.offset + 30 + r.u16(entry.offset + 26) + r.u16(entry.offset + 28);
    if (start + entry.compressedSize > bytes.length) return { ok: false, problem: 'damaged' };
    data = bytes.subarray(start, start + entry.compressedSize);
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  if (entry.method === 0) {
    return data.length === entry.size ? { ok: true, bytes: data.slice() } : { ok: false, problem: 'size' };
  }
  const out = new Uint8Array(entry.size);
  let written = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > out.length) over = true;
    else {
      out.set(chunk, written);
      written += chunk.length;
    }
  });
  try {
    for (let at = 0; at < data.length && !over; at += STEP) {
      inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
    }
    if (data.length === 0) return entry.size === 0 ? { ok: true, bytes: out } : { ok: false, problem: 'size' };
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  if (over || written !== entry.size) return { ok: false, problem: 'size' };
  return { ok: true, bytes: out };
}
