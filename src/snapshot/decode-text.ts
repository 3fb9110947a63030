import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { LoadCollector } from './load-collector.js';
import type { InputError } from './snapshot-types.js';

/** The encodings a snapshot file may be written in. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Bytes no encoding explains: where the first of them stands, and why. */
export interface BadBytes {
  /** Byte offset in the file. */
  readonly offset: number;
  /** `mixed-encoding`: UTF-8 text with bytes that are not; `undefined-byte`: neither UTF-8 nor Windows-1252. */
  readonly code: 'mixed-encoding' | 'undefined-byte';
}

/** What a file's bytes show of their encoding: one that explains every byte, or the first bytes none explains. */
export type EncodingVerdict = { readonly encoding: TextEncoding; readonly bom: number; readonly bad?: undefined } | { readonly encoding?: undefined; readonly bom: 0; readonly bad: BadBytes };

/** A file's bytes re-encoded as UTF-8 without BOM, and the encoding they were read in. */
export interface Utf8Bytes {
  readonly bytes: Buffer;
  readonly encoding: TextEncoding;
}

/** Bytes Windows-1252 leaves undefined: a file holding one is not Windows-1252. */
const CP1252_UNDEFINED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/** Gathers the evidence of a file's encoding block by block (held files give one block, streamed ones many). */
export class EncodingEvidence {
  private offset = 0;
  private bom = -1;
  private carry: Buffer = Buffer.alloc(0);
  /** Whether the bytes so far hold a UTF-8 character beyond ASCII. */
  private multibyte = false;
  /** Where the bytes first stop being UTF-8, once they do. */
  private firstInvalid = -1;
  private firstUndefined = -1;
  private utf16: TextEncoding | undefined;

  /** Adds the next bytes of the file; the first block decides a BOM (streamed files come in blocks of a megabyte). */
  push(block: Buffer): void {
    let bytes = block;
    if (this.bom === -1) {
      this.bom = startsWith(block, [0xef, 0xbb, 0xbf]) ? 3 : 0;
      // Excel's « Texte Unicode » export is UTF-16 with a BOM.
      if (startsWith(block, [0xff, 0xfe])) this.utf16 = 'utf-16le';
      else if (startsWith(block, [0xfe, 0xff])) this.utf16 = 'utf-16be';
      if (this.utf16) return;
      this.offset = this.bom;
      bytes = block.subarray(this.bom);
    } else if (this.utf16 || this.decided) return;
    else if (this.carry.length > 0) bytes = Buffer.concat([this.carry, block]);
    // A character cut by a block's end carries over to the next block.
    const end = completeUtf8Length(bytes);
    const complete = bytes.subarray(0, end);
    this.carry = Buffer.from(bytes.subarray(end));
    if (this.firstInvalid === -1) {
      // isUtf8 checks strictly without building strings: valid UTF-8, the common case, costs no loop here.
      if (isUtf8(complete)) {
        if (!this.multibyte && !isAscii(complete)) this.multibyte = true;
        this.offset += end;
        return;
      }
      const scan = scanBytes(complete);
      this.firstInvalid = this.offset + scan.invalid;
      this.multibyte ||= scan.multibyte;
      if (scan.undefinedAt !== -1) this.firstUndefined = this.offset + scan.undefinedAt;
    } else {
      // Not UTF-8: Windows-1252 still has to explain every byte, and no UTF-8 character may stand among them.
      const scan = scanBytes(complete);
      this.multibyte ||= scan.multibyte;
      if (this.firstUndefined === -1 && scan.undefinedAt !== -1) this.firstUndefined = this.offset + scan.undefinedAt;
    }
    this.offset += end;
  }

  /** Whether later blocks can no longer change the verdict: UTF-16, or bytes already proved bad. */
  get decided(): boolean {
    return this.utf16 !== undefined || (this.firstInvalid !== -1 && (this.multibyte || this.bom === 3));
  }

  /** The verdict once every byte was pushed, or (`atEnd` false) the bytes the caller reads (a header). */
  finish(atEnd = true): EncodingVerdict {
    if (this.bom === -1) this.push(Buffer.alloc(0));
    if (this.utf16) return { encoding: this.utf16, bom: 2 };
    const bom = this.bom;
    // Bytes left over at the end cut a UTF-8 character: the file ends inside it.
    const invalid = this.firstInvalid !== -1 ? this.firstInvalid : atEnd && this.carry.length > 0 ? this.offset : -1;
    if (invalid === -1) return { encoding: bom === 3 ? 'utf-8-bom' : 'utf-8', bom };
    if (this.multibyte || bom === 3) return { bom: 0, bad: { offset: invalid, code: 'mixed-encoding' } };
    let undefinedAt = this.firstUndefined;
    if (undefinedAt === -1 && atEnd) {
      const left = this.carry.findIndex((byte) => CP1252_UNDEFINED.includes(byte));
      if (left !== -1) undefinedAt = this.offset + left;
    }
    if (undefinedAt !== -1) return { bom: 0, bad: { offset: undefinedAt, code: 'undefined-byte' } };
    return { encoding: 'windows-1252', bom: 0 };
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** The length of the longest prefix that does not end inside a UTF-8 character. */
function completeUtf8Length(bytes: Buffer): number {
  const length = bytes.length;
  for (let back = 1; back <= Math.min(3, length); back++) {
    const byte = bytes[length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return size > back ? length - back : length;
  }
  return length;
}

/** The length of the UTF-8 character starting at `at`, or 0 when the bytes there are not one. */
function utf8CharLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at];
  if (lead < 0x80) return 1;
  const size = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (size === 0 || at + size > bytes.length) return 0;
  for (let index = 1; index < size; index++) if ((bytes[at + index] & 0xc0) !== 0x80) return 0;
  const second = bytes[at + 1];
  // Overlong forms, surrogates and code points beyond U+10FFFF are not UTF-8 either.
  if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return 0;
  return size;
}

/** One pass over bytes that are not all UTF-8: the first invalid one, whether any UTF-8 character beyond ASCII stands among them, the first byte Windows-1252 leaves undefined. */
function scanBytes(bytes: Uint8Array): { invalid: number; multibyte: boolean; undefinedAt: number } {
  let invalid = -1;
  let multibyte = false;
  let undefinedAt = -1;
  for (let at = 0; at < bytes.length; ) {
    const byte = bytes[at];
    if (byte < 0x80) {
      at++;
      continue;
    }
    if (undefinedAt === -1 && (byte === 0x81 || byte === 0x8d || byte === 0x8f || byte === 0x90 || byte === 0x9d)) undefinedAt = at;
    const size = utf8CharLength(bytes, at);
    if (size > 1) {
      multibyte = true;
      at += size;
      continue;
    }
    if (invalid === -1) invalid = at;
    at++;
  }
  return { invalid: invalid === -1 ? bytes.length : invalid, multibyte, undefinedAt };
}

/** The encoding of a whole file held in memory. */
export function encodingOf(bytes: Buffer): EncodingVerdict {
  const evidence = new EncodingEvidence();
  evidence.push(bytes);
  return evidence.finish();
}

/** The text of bytes whose encoding was decided. */
export function decodeIn(bytes: Buffer, encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf-8':
      return bytes.toString('utf8');
    case 'utf-8-bom':
      return bytes.subarray(3).toString('utf8');
    case 'windows-1252':
      return iconv.decode(bytes, 'win1252');
    default:
      return iconv.decode(bytes, encoding);
  }
}

/** UTF-8 bytes of a file: a BOM decides, else valid UTF-8 is UTF-8, else Windows-1252 when it explains every byte (French Excel); else the bad bytes. */
export function toUtf8Bytes(bytes: Buffer): Utf8Bytes | BadBytes {
  const verdict = encodingOf(bytes);
  if (verdict.bad) return verdict.bad;
  if (verdict.encoding === 'utf-8') return { bytes, encoding: 'utf-8' };
  if (verdict.encoding === 'utf-8-bom') return { bytes: bytes.subarray(3), encoding: 'utf-8-bom' };
  return { bytes: Buffer.from(decodeIn(bytes, verdict.encoding), 'utf8'), encoding: verdict.encoding };
}

/** Decodes a file to text with the same evidence as {@link toUtf8Bytes}. */
export function decodeText(bytes: Buffer): { readonly text: string; readonly encoding: TextEncoding } | BadBytes {
  const utf8 = toUtf8Bytes(bytes);
  return 'code' in utf8 ? utf8 : { text: utf8.bytes.toString('utf8'), encoding: utf8.encoding };
}

/** A held file's text and encoding, or undefined when no encoding explains its bytes (the error, at the first bad line, goes to the collector). */
export function decodeFile(bytes: Buffer, file: string, collector: LoadCollector): { readonly text: string; readonly encoding: TextEncoding } | undefined {
  const decoded = decodeText(bytes);
  if ('text' in decoded) return decoded;
  collector.fileError(badBytesError(file, decoded, placeOfBadBytes(bytes, decoded)));
  return undefined;
}

/** The input error of bytes no encoding explains: at their line and column, the line shown, the bytes in hex. */
export function badBytesError(file: string, bad: BadBytes, place: BadBytesPlace): InputError {
  return { file, line: place.line, column: place.column, code: bad.code, value: place.text, params: { bytes: place.bytes } };
}

/** Where bad bytes stand, as an error shows them: line and column, the line's text and the bytes in hex. */
export interface BadBytesPlace {
  readonly line: number;
  /** 1-based, in characters of the line. */
  readonly column: number;
  /** The line around the bad byte, each byte that is not UTF-8 (or not Windows-1252) written `\xE9`. */
  readonly text: string;
  /** The bad byte and the few after it on its line, in hex (`E9 20 6C`). */
  readonly bytes: string;
}

/** Bytes kept before and after the bad one to show its line around it. */
const AROUND = 160;

/** Finds a bad byte's line from the bytes before it, block by block: the line count is kept across blocks. */
export class BadBytesLocator {
  private line = 1;
  /** Characters from the line's start to the current byte. */
  private characters = 0;
  private offset = 0;
  private afterCr = false;
  private kept: Buffer[] = [];
  private keptFrom = 0;

  constructor(private readonly bad: BadBytes) {}

  /** Adds the next block of the file from its first byte; true once the bad byte and what follows it were seen. */
  push(block: Buffer): boolean {
    const target = this.bad.offset;
    const utf8 = this.bad.code === 'mixed-encoding';
    const stop = Math.max(0, Math.min(block.length, target - this.offset));
    // A BOM is no character of the first line.
    if (this.offset === 0 && startsWith(block, [0xef, 0xbb, 0xbf])) this.characters = -1;
    for (let at = 0; at < stop; at++) {
      const byte = block[at];
      if (byte === 0x0a || byte === 0x0d) {
        // The LF of a CRLF ends no second line.
        if (byte === 0x0d || !(at === 0 ? this.afterCr : block[at - 1] === 0x0d)) this.line++;
        this.characters = 0;
        this.kept = [];
        this.keptFrom = this.offset + at + 1;
      } else if (!utf8 || (byte & 0xc0) !== 0x80) this.characters++;
    }
    if (stop > 0) this.afterCr = block[stop - 1] === 0x0d;
    const from = Math.max(this.keptFrom, target - AROUND) - this.offset;
    const until = Math.min(block.length, target + AROUND - this.offset);
    if (from < until && until > 0) {
      if (this.keptFrom < target - AROUND) this.keptFrom = target - AROUND;
      this.kept.push(Buffer.from(block.subarray(Math.max(0, from), until)));
    }
    this.offset += block.length;
    return this.offset >= target + AROUND;
  }

  /** The bad byte's place, once its block was pushed (or the file ended). */
  place(): BadBytesPlace {
    const utf8 = this.bad.code === 'mixed-encoding';
    const bytes = Buffer.concat(this.kept);
    const at = Math.max(0, this.bad.offset - this.keptFrom);
    let after = bytes.subarray(at);
    const lineEnd = after.findIndex((byte) => byte === 0x0a || byte === 0x0d);
    if (lineEnd !== -1) after = after.subarray(0, lineEnd);
    const hex = [...after.subarray(0, 4)].map((byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    const before = [...shownBytes(bytes.subarray(0, at), utf8)];
    // Up to 40 characters before the bad byte, so that it is among the 80 shown.
    const lead = before.length > 40 ? `…${before.slice(-40).join('')}` : before.join('');
    const rest = [...shownBytes(after, utf8)];
    const text = `${lead}${rest.slice(0, 80 - Math.min(40, before.length)).join('')}${rest.length > 80 - Math.min(40, before.length) ? '…' : ''}`;
    return { line: this.line, column: this.characters + 1, text, bytes: hex };
  }
}

/** Bytes as text, each byte no encoding explains written `\xE9`: in UTF-8, or in Windows-1252 (`utf8` false). */
function shownBytes(bytes: Buffer, utf8: boolean): string {
  let text = '';
  for (let at = 0; at < bytes.length; ) {
    const byte = bytes[at];
    const size = utf8 ? utf8CharLength(bytes, at) : CP1252_UNDEFINED.includes(byte) ? 0 : 1;
    if (size === 0) {
      text += `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      at++;
    } else {
      text += utf8 ? bytes.subarray(at, at + size).toString('utf8') : iconv.decode(bytes.subarray(at, at + 1), 'win1252');
      at += size;
    }
  }
  return text;
}

/** The place of bad bytes in a file held in memory. */
export function placeOfBadBytes(bytes: Buffer, bad: BadBytes): BadBytesPlace {
  const locator = new BadBytesLocator(bad);
  locator.push(bytes);
  return locator.place();
}
