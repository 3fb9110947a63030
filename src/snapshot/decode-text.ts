import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** The encodings a snapshot file may be written in. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A file's bytes re-encoded as UTF-8 without BOM, and the encoding they were read in. */
export interface Utf8Bytes {
  readonly bytes: Buffer;
  readonly encoding: TextEncoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** UTF-8 bytes of a file: a BOM decides, else valid UTF-8 is UTF-8, else Windows-1252 (French Excel). */
export function toUtf8Bytes(bytes: Buffer): Utf8Bytes {
  if (startsWith(bytes, UTF8_BOM)) return { bytes: bytes.subarray(UTF8_BOM.length), encoding: 'utf-8-bom' };
  // Excel's « Texte Unicode » export is UTF-16 with a BOM.
  if (startsWith(bytes, [0xff, 0xfe])) return { bytes: Buffer.from(iconv.decode(bytes, 'utf-16le'), 'utf8'), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { bytes: Buffer.from(iconv.decode(bytes, 'utf-16be'), 'utf8'), encoding: 'utf-16be' };
  // isUtf8 checks as strictly as a fatal TextDecoder without building a string.
  if (isUtf8(bytes)) return { bytes, encoding: 'utf-8' };
  return { bytes: Buffer.from(iconv.decode(bytes, 'win1252'), 'utf8'), encoding: 'windows-1252' };
}

/** Decodes a file to text with the same detection as {@link toUtf8Bytes}. */
export function decodeText(bytes: Buffer): { readonly text: string; readonly encoding: TextEncoding } {
  const utf8 = toUtf8Bytes(bytes);
  return { text: utf8.bytes.toString('utf8'), encoding: utf8.encoding };
}
