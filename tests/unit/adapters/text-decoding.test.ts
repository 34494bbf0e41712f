import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../shared/adapters/decoded-text.ts';
import {
  createNewlineNormaliser,
  createStreamDecoder,
  detectEncoding,
  type TextEncoding,
} from '../../../shared/adapters/text-decoding.ts';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const utf16le = (text: string) => Buffer.concat([UTF16LE_BOM, iconv.encode(text, 'utf16-le')]);
const utf16be = (text: string) => Buffer.concat([UTF16BE_BOM, iconv.encode(text, 'utf16-be')]);
const cp1252 = (text: string) => iconv.encode(text, 'win1252');

describe('detectEncoding', () => {
  it.each<[string, Uint8Array, TextEncoding]>([
    ['empty input', new Uint8Array(0), 'utf-8'],
    ['plain ASCII', utf8('Fournisseur;Montant;Date\r\n'), 'utf-8'],
    ['UTF-8 without BOM', utf8('Tiers;Montant\nZoë Café;12 €\n'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([UTF8_BOM, utf8('Tiers;Montant\n')]), 'utf-8-bom'],
    ['UTF-8 BOM alone', UTF8_BOM, 'utf-8-bom'],
    ['UTF-16 LE BOM', utf16le('Tiers;Montant\n'), 'utf-16le'],
    ['UTF-16 BE BOM', utf16be('Tiers;Montant\n'), 'utf-16be'],
    ['Windows-1252 é (0xE9) inside a line', cp1252('Bénéficiaire;Montant\r\n'), 'windows-1252'],
    ['Windows-1252 é before a newline', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]), 'windows-1252'],
    ['Windows-1252 € (0x80)', cp1252('Montant;€ 12\n'), 'windows-1252'],
    ['Windows-1252 ° (0xB0)', cp1252('N° mandat;Tiers\n'), 'windows-1252'],
  ])('%s → %s', (_name, head, expected) => {
    expect(detectEncoding(head)).toBe(expected);
  });

  it('takes a character cut at the end of a sample that is only a prefix of the file for UTF-8', () => {
    const cut = utf8('Tiers;Montant €').subarray(0, -1);
    expect(detectEncoding(cut, false)).toBe('utf-8');
    // The same bytes as a whole file end on a broken sequence: not UTF-8.
    expect(detectEncoding(cut, true)).toBe('windows-1252');
  });

  it('reads a UTF-8 BOM that is not at the start as content, not as a BOM', () => {
    expect(detectEncoding(Buffer.concat([utf8('a'), UTF8_BOM]))).toBe('utf-8');
  });
});

describe('createStreamDecoder keeps characters split across chunks whole', () => {
  const TEXT = 'Zoë paie 12 € à Noël — 🎉 ok\n';
  const CP1252_TEXT = 'Zoë paie 12 € à Noël — ok\n';

  it.each<[TextEncoding, Buffer, string]>([
    ['utf-8', utf8(TEXT), TEXT],
    ['utf-8-bom', Buffer.concat([UTF8_BOM, utf8(TEXT)]), TEXT],
    ['utf-16le', utf16le(TEXT), TEXT],
    ['utf-16be', utf16be(TEXT), TEXT],
    ['windows-1252', cp1252(CP1252_TEXT), CP1252_TEXT],
  ])('%s: cut at every byte offset, and byte by byte', (encoding, bytes, expected) => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      const decoder = createStreamDecoder(encoding);
      const decoded =
        decoder.write(bytes.subarray(0, cut)) + decoder.write(bytes.subarray(cut)) + decoder.end();
      expect(decoded, `cut at ${cut}`).toBe(expected);
    }
    const decoder = createStreamDecoder(encoding);
    let oneByOne = '';
    for (const byte of bytes) oneByOne += decoder.write(Uint8Array.of(byte));
    expect(oneByOne + decoder.end()).toBe(expected);
  });

  it.each<[TextEncoding, Buffer, number[]]>([
    ['utf-8-bom', Buffer.concat([UTF8_BOM, utf8('€')]), [1, 2]],
    ['utf-8-bom', Buffer.concat([UTF8_BOM, utf8('€')]), [1, 4]],
    ['utf-16le', utf16le('€'), [1]],
    ['utf-16le', utf16le('€'), [1, 3]],
    ['utf-16be', utf16be('€'), [1, 2, 3]],
  ])('%s: strips a BOM split across chunks at %j', (encoding, bytes, cuts) => {
    const decoder = createStreamDecoder(encoding);
    let decoded = '';
    let previous = 0;
    for (const cut of [...cuts, bytes.length]) {
      decoded += decoder.write(bytes.subarray(previous, cut));
      previous = cut;
    }
    expect(decoded + decoder.end()).toBe('€');
  });

  it('keeps a U+FEFF inside the text', () => {
    const decoder = createStreamDecoder('utf-8-bom');
    expect(decoder.write(Buffer.concat([UTF8_BOM, utf8('a\uFEFFb')])) + decoder.end()).toBe('a\uFEFFb');
  });

  it('accepts a Uint8Array view on a larger buffer', () => {
    const backing = Buffer.concat([utf8('xxxx'), cp1252('Bénéficiaire'), utf8('yyyy')]);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 4, backing.length - 8);
    const decoder = createStreamDecoder('windows-1252');
    expect(decoder.write(view) + decoder.end()).toBe('Bénéficiaire');
  });

  it('reads a line that is not valid UTF-8 as Windows-1252, and says where it was', () => {
    const decoder = createStreamDecoder('utf-8');
    const bytes = Buffer.concat([utf8('Zoë;1\n'), cp1252('Gamma’s – Ltd;2\r\n'), utf8('Éa;3')]);
    expect(decoder.write(bytes)).toBe('Zoë;1\nGamma’s – Ltd;2\r\n');
    // One newline before it in the text returned.
    expect(decoder.takeRedecoded?.()).toEqual([1]);
    expect(decoder.end()).toBe('Éa;3');
    expect(decoder.takeRedecoded?.()).toEqual([]);
  });

  it('holds a line until its end is seen: a character cut by a chunk is never taken for another encoding', () => {
    const decoder = createStreamDecoder('utf-8');
    expect(decoder.write(utf8('a€').subarray(0, 3))).toBe('');
    expect(decoder.write(utf8('a€\nb').subarray(3))).toBe('a€\n');
    expect(decoder.end()).toBe('b');
    expect(decoder.takeRedecoded?.()).toEqual([]);
  });

  it('decodes a line of megabytes (a one-line DECP JSON file) as it comes, never cutting a character', () => {
    const text = `{"marches":[${'"é€🎉x",'.repeat(40_000)}0]}`;
    const bytes = utf8(text);
    const decoder = createStreamDecoder('utf-8');
    const pieces: string[] = [];
    for (let at = 0; at < bytes.length; at += 4_099)
      pieces.push(decoder.write(bytes.subarray(at, at + 4_099)));
    expect(pieces.slice(0, 8).join('').length).toBeGreaterThan(0);
    expect(pieces.join('') + decoder.end()).toBe(text);
    expect(decoder.takeRedecoded?.()).toEqual([]);
  });
});

describe('decodeText: the lines read as Windows-1252 in a UTF-8 file, by physical line number', () => {
  async function decodeChunks(bytes: Uint8Array, cuts: readonly number[]) {
    async function* chunks() {
      let previous = 0;
      for (const cut of [...cuts, bytes.length]) {
        yield bytes.subarray(previous, cut);
        previous = cut;
      }
    }
    const decoded = await decodeText(chunks(), 'utf-8');
    let text = '';
    for await (const chunk of decoded.chunks()) text += chunk;
    return { text, lines: [...decoded.redecodedLines].sort((a, b) => a - b) };
  }

  it('reads an unfinished character at the very end as Windows-1252, flagged', async () => {
    expect(await decodeChunks(utf8('x\na€').subarray(0, 5), [])).toEqual({
      text: 'x\na\u00E2\u201A',
      lines: [2],
    });
  });

  it('numbers lines as the record splitter does (LF, CRLF, lone CR), whatever the chunks (property)', async () => {
    const line = fc.record({
      pasted: fc.boolean(),
      text: fc.constantFrom('Zoë', 'plain', 'Œuvre', 'x;1,5'),
      newline: fc.constantFrom('\n', '\r\n', '\r'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (lines, rawCuts) => {
          const bytes = Buffer.concat(
            lines.map(({ pasted, text, newline }) =>
              pasted ? cp1252(`${text}’${newline}`) : utf8(`${text}${newline}`),
            ),
          );
          const cuts = [...new Set(rawCuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
          const decoded = await decodeChunks(bytes, cuts);
          expect(decoded.text).toBe(
            lines.map(({ pasted, text }) => `${text}${pasted ? '’' : ''}\n`).join(''),
          );
          expect(decoded.lines).toEqual(lines.flatMap(({ pasted }, index) => (pasted ? [index + 1] : [])));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('createNewlineNormaliser', () => {
  const normaliseChunks = (chunks: readonly string[]): string => {
    const normaliser = createNewlineNormaliser();
    return chunks.map((chunk) => normaliser.write(chunk)).join('') + normaliser.end();
  };

  it.each<[string[], string]>([
    [['a\r\nb'], 'a\nb'],
    [['a\rb'], 'a\nb'],
    [['a\r', '\nb'], 'a\nb'],
    [['a\r', '\rb'], 'a\n\nb'],
    [['a\r', 'b'], 'a\nb'],
    [['a\r'], 'a\n'],
    [['\r', '', '\n'], '\n'],
    [['\r', '', '', '\r\n'], '\n\n'],
    [['a\n\r', '\n\r'], 'a\n\n\n'],
    [['\r\r\n\n'], '\n\n\n'],
  ])('%j → %j', (chunks, expected) => {
    expect(normaliseChunks(chunks)).toBe(expected);
  });

  it('gives the same text as a whole-string replace, whatever the chunk boundaries (property)', () => {
    const piece = fc.constantFrom('a', 'é', ';', ' ', '\r', '\n', '\r\n', '\n\r', '"', '🎉');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join('')),
        fc.array(fc.nat(), { maxLength: 10 }),
        (text, rawCuts) => {
          const cuts = rawCuts.map((cut) => cut % (text.length + 1)).sort((a, b) => a - b);
          const chunks: string[] = [];
          let previous = 0;
          for (const cut of [...cuts, text.length]) {
            chunks.push(text.slice(previous, cut));
            previous = cut;
          }
          expect(chunks.join('')).toBe(text);
          expect(normaliseChunks(chunks)).toBe(text.replace(/\r\n?/g, '\n'));
        },
      ),
      { numRuns: 300 },
    );
  });
});
