import iconv from 'iconv-lite';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { EncodingEvidence, encodingOf, placeOfBadBytes, BadBytesLocator, type EncodingVerdict } from '../../src/snapshot/decode-text.js';

/** The verdict on bytes pushed in blocks of `size` bytes, as the streamed reader pushes them. */
function inBlocks(bytes: Buffer, size: number): EncodingVerdict {
  const evidence = new EncodingEvidence();
  for (let start = 0; start < bytes.length && !evidence.decided; start += size) evidence.push(bytes.subarray(start, start + size));
  return evidence.finish();
}

const utf8 = Buffer.from('Identifiant;Prénom\nU1;Éloïse « € »\n', 'utf8');
const cp1252 = iconv.encode('Identifiant;Prénom\nU1;Éloïse « € » — Œ\n', 'win1252');
const mixed = Buffer.concat([Buffer.from('Identifiant;Prénom\nU1;Zoé\n', 'utf8'), iconv.encode('U2;Hélène\n', 'win1252')]);
// A Windows-1252 file first, then a line in UTF-8: mixed too, reported at the first byte that is not UTF-8.
const mixedLate = Buffer.concat([iconv.encode('a;b\nCrèche;x\n', 'win1252'), Buffer.from('Zoé;y\n', 'utf8')]);

const evidence = suite('encodings decided on evidence');

evidence('valid UTF-8 is UTF-8, with or without BOM; UTF-16 by its BOM', () => {
  assert.equal(encodingOf(utf8), { encoding: 'utf-8', bom: 0 });
  assert.equal(encodingOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])), { encoding: 'utf-8-bom', bom: 3 });
  assert.equal(encodingOf(iconv.encode('\ufeffa;b\n', 'utf-16le')), { encoding: 'utf-16le', bom: 2 });
  assert.equal(encodingOf(Buffer.from('')), { encoding: 'utf-8', bom: 0 });
});

evidence('Windows-1252 only when it explains every byte', () => {
  assert.equal(encodingOf(cp1252), { encoding: 'windows-1252', bom: 0 });
  assert.equal(encodingOf(mixed), { bom: 0, bad: { offset: 32, code: 'mixed-encoding' } });
  assert.equal(encodingOf(mixedLate).bad, { offset: 6, code: 'mixed-encoding' });
  // 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in Windows-1252.
  for (const byte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) assert.equal(encodingOf(Buffer.from([0x61, 0xe9, 0x0a, 0x62, byte])).bad, { offset: 4, code: 'undefined-byte' }, byte.toString(16));
  // Bytes that are not UTF-8 after a UTF-8 BOM: the BOM says UTF-8.
  assert.equal(encodingOf(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xe9, 0x0a])).bad, { offset: 4, code: 'mixed-encoding' });
  // A file that ends inside a UTF-8 character.
  assert.equal(encodingOf(Buffer.from('a;é\n', 'utf8').subarray(0, 4)).bad, undefined);
  assert.equal(encodingOf(Buffer.concat([Buffer.from('a;é\n', 'utf8'), Buffer.from([0xc3])])).bad, { offset: 5, code: 'mixed-encoding' });
});

evidence('the same verdict however the bytes come in blocks (characters cut by a block end carry over)', () => {
  for (const bytes of [utf8, cp1252, mixed, mixedLate]) {
    const whole = encodingOf(bytes);
    for (const size of [1, 2, 3, 5, 7]) assert.equal(inBlocks(bytes, size), whole, `${bytes.toString('latin1')} in blocks of ${size}`);
  }
});

evidence('the first bad byte is placed at its line and column, the line shown with it in hex', () => {
  const verdict = encodingOf(mixed);
  assert.equal(placeOfBadBytes(mixed, verdict.bad!), { line: 3, column: 5, text: 'U2;H\\xE9l\\xE8ne', bytes: 'E9 6C E8 6E' });
  // CR and CRLF line ends count one line each; the undefined byte shown among Windows-1252 text.
  const cr = Buffer.concat([iconv.encode('a;b\r\nCrèche;x\rC', 'win1252'), Buffer.from([0x81]), Buffer.from('te;y\r')]);
  assert.equal(placeOfBadBytes(cr, encodingOf(cr).bad!), { line: 3, column: 2, text: 'C\\x81te;y', bytes: '81 74 65 3B' });
  // A long line: the bytes around the bad one are shown, not only the line's start.
  const long = Buffer.concat([Buffer.from(`a\n${'é'.repeat(100)}`, 'utf8'), Buffer.from([0xe9]), Buffer.from(`${'x'.repeat(100)}\n`)]);
  const place = placeOfBadBytes(long, encodingOf(long).bad!);
  assert.equal([place.line, place.column], [2, 101]);
  assert.ok(place.text.startsWith(`…${'é'.repeat(40)}\\xE9x`), place.text);
  assert.ok(place.text.endsWith('x…'), place.text);
});

evidence('the locator reads a streamed file block by block: the same place', () => {
  const bad = encodingOf(mixed).bad!;
  for (const size of [1, 4, 9]) {
    const locator = new BadBytesLocator(bad);
    for (let start = 0; start < mixed.length; start += size) if (locator.push(mixed.subarray(start, start + size))) break;
    assert.equal(locator.place(), placeOfBadBytes(mixed, bad), `blocks of ${size}`);
  }
});

evidence.run();
