// A Parquet file written straight from packed row groups (packed-columns.ts), on the encoder's thread.
//
// A text column arrives as its distinct values and one index per line: that is already the dictionary
// encoding Parquet stores, so the values are turned into UTF-8 once each and the indexes bit-packed as
// they are. A general writer (hyparquet-writer's ParquetWriter, used before) takes one JavaScript
// value per line instead, builds the dictionary again value by value and encodes each text of a plain
// page with a fresh TextEncoder: 5.8 s of the thread for a 1 M-line file, against ~2.4 s here, a
// third of it Snappy (BENCHMARKS.md). The file's framing — page headers, footer, Snappy — is
// hyparquet-writer's own, and so is the RLE / bit-packing hybrid (its version pinned in package.json:
// these are its modules, not its API).
//
// Every column is OPTIONAL (one definition level); texts are BYTE_ARRAY UTF8, numbers INT32 or INT64.
// Pages are DATA_PAGE_V2, one per column chunk, Snappy-compressed, as the general writer wrote them.
import { Buffer } from 'node:buffer';
import { ByteWriter } from 'hyparquet-writer';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import { writeRleBitPackedHybrid } from 'hyparquet-writer/src/encoding.js';
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';
import { snappyCompress } from 'hyparquet-writer/src/snappy.js';

const MAGIC = 0x31524150; // "PAR1"
const NULL_INDEX = -1;
const TWO_POW_32 = 2 ** 32;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Bytes appended to a buffer that grows: a page's body before it is compressed. */
class Bytes {
  constructor(size = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(size);
    this.length = 0;
  }

  reserve(size) {
    if (this.length + size <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + size));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  /** A text as PLAIN writes a BYTE_ARRAY: its UTF-8 length (4 bytes, little-endian), then its bytes. */
  text(value) {
    // A UTF-16 unit never takes more than 3 bytes of UTF-8 (a lone surrogate becomes U+FFFD).
    this.reserve(4 + value.length * 3);
    const written = this.buffer.write(value, this.length + 4, 'utf8');
    this.buffer.writeUInt32LE(written, this.length);
    this.length += 4 + written;
  }

  copy(source, start, end) {
    this.reserve(end - start);
    this.length += source.copy(this.buffer, this.length, start, end);
  }

  view() {
    return this.buffer.subarray(0, this.length);
  }
}

const bitWidthOf = (largest) => (largest === 0 ? 0 : 32 - Math.clz32(largest));

/** Values in the RLE / bit-packing hybrid of the Parquet format, after `prefix` (a dictionary's bit width). */
function hybrid(values, bitWidth, prefix = []) {
  const out = new ByteWriter(Math.ceil((values.length * bitWidth) / 8) + 64);
  for (const byte of prefix) out.appendUint8(byte);
  writeRleBitPackedHybrid(out, values, bitWidth);
  return out.getBytes();
}

/** A text column's page: its dictionary's bytes and how its values are written after it. */
function textPage(name, { dictionary, indexes }) {
  const count = indexes.length;
  const entries = new Bytes(dictionary.length * 16 + 16);
  /** Where each entry's bytes start in `entries` (its length prefix included); the last is the end. */
  const starts = new Int32Array(dictionary.length + 1);
  for (let index = 0; index < dictionary.length; index++) {
    const value = dictionary[index];
    if (typeof value !== 'string') throw new Error(`column ${name}: a text column holds ${typeof value}`);
    starts[index] = entries.length;
    entries.text(value);
  }
  starts[dictionary.length] = entries.length;

  // One pass: nulls counted, levels (1 present, 0 null) and the present values' indexes set apart.
  const levels = new Uint8Array(count);
  const presentIndexes = new Int32Array(count);
  let present = 0;
  let plainBytes = 0;
  for (let at = 0; at < count; at++) {
    const index = indexes[at];
    if (index === NULL_INDEX) continue;
    if (!(index >= 0 && index < dictionary.length))
      throw new Error(`column ${name}: index ${index} outside its ${dictionary.length} values`);
    levels[at] = 1;
    presentIndexes[present++] = index;
    plainBytes += starts[index + 1] - starts[index];
  }
  const nulls = count - present;
  const bitWidth = bitWidthOf(Math.max(0, dictionary.length - 1));
  // As general writers decide: a dictionary that does not halve the plain bytes is not worth it.
  const useDictionary =
    present > 0 && 2 * (entries.length + Math.ceil((present * bitWidth) / 8)) <= plainBytes;
  let data;
  if (useDictionary) data = hybrid(presentIndexes.subarray(0, present), bitWidth, [bitWidth]);
  else {
    const plain = new Bytes(plainBytes + 16);
    for (let at = 0; at < present; at++) {
      const index = presentIndexes[at];
      plain.copy(entries.buffer, starts[index], starts[index + 1]);
    }
    data = plain.view();
  }
  return {
    count,
    nulls,
    levels: hybrid(levels, 1),
    data,
    dictionary: useDictionary ? { entries, size: dictionary.length } : undefined,
    bounds: () => textBounds(dictionary, entries.buffer, starts),
  };
}

/** The least and greatest text in UTF-8 byte order (Parquet's order for UTF8 statistics). */
function textBounds(dictionary, entries, starts) {
  if (dictionary.length === 0) return {};
  // Compared in place: a view per comparison cost more than the comparing.
  const compare = (left, right) =>
    entries.compare(entries, starts[right] + 4, starts[right + 1], starts[left] + 4, starts[left + 1]);
  let least = 0;
  let greatest = 0;
  for (let index = 1; index < dictionary.length; index++) {
    if (compare(index, least) < 0) least = index;
    if (compare(index, greatest) > 0) greatest = index;
  }
  return { min_value: dictionary[least], max_value: dictionary[greatest] };
}

/** A number column's page: PLAIN little-endian integers of its type, NaN standing for null. */
function numberPage(name, type, { numbers }) {
  const count = numbers.length;
  const levels = new Uint8Array(count);
  const width = type === 'INT32' ? 4 : 8;
  const data = new Bytes(count * width + 16);
  const { buffer } = data;
  let present = 0;
  for (let at = 0; at < count; at++) {
    const value = numbers[at];
    if (Number.isNaN(value)) continue;
    if (!Number.isSafeInteger(value) || (type === 'INT32' && (value < INT32_MIN || value > INT32_MAX)))
      throw new Error(`column ${name}: ${value} is not an ${type}`);
    levels[at] = 1;
    const offset = present++ * width;
    if (width === 4) buffer.writeInt32LE(value, offset);
    else {
      // Two's complement from the float's two halves: exact for every safe integer, negatives included.
      const high = Math.floor(value / TWO_POW_32);
      buffer.writeUInt32LE(value - high * TWO_POW_32, offset);
      buffer.writeInt32LE(high, offset + 4);
    }
  }
  data.length = present * width;
  return {
    count,
    nulls: count - present,
    levels: hybrid(levels, 1),
    data: data.view(),
    dictionary: undefined,
    bounds: () => numberBounds(type, numbers),
  };
}

function numberBounds(type, numbers) {
  let least;
  let greatest;
  for (const value of numbers) {
    if (Number.isNaN(value)) continue;
    if (least === undefined || value < least) least = value;
    if (greatest === undefined || value > greatest) greatest = value;
  }
  if (least === undefined) return {};
  return type === 'INT64'
    ? { min_value: BigInt(least), max_value: BigInt(greatest) }
    : { min_value: least, max_value: greatest };
}

export class PackedParquetFile {
  /** @param {import('hyparquet').SchemaElement[]} schema the root, then one OPTIONAL leaf per column */
  constructor(schema, createdBy) {
    this.schema = schema;
    this.createdBy = createdBy;
    this.elements = new Map(schema.slice(1).map((element) => [element.name, element]));
    this.file = new ByteWriter(1024 * 1024);
    this.rowGroups = [];
    this.rows = 0n;
    this.file.appendUint32(MAGIC);
  }

  /** One row group: `columns` as packed-columns.ts sends them, every one as long as the others. */
  writeRowGroup(columns) {
    const rows = columns[0] ? (columns[0].data.indexes ?? columns[0].data.numbers).length : 0;
    const start = this.file.offset;
    const chunks = columns.map((column) => this.writeChunk(column, rows));
    const uncompressed = chunks.reduce((sum, chunk) => sum + chunk.meta_data.total_uncompressed_size, 0n);
    this.rowGroups.push({
      columns: chunks,
      total_byte_size: uncompressed,
      num_rows: BigInt(rows),
      file_offset: BigInt(start),
      total_compressed_size: BigInt(this.file.offset - start),
    });
    this.rows += BigInt(rows);
  }

  /** The footer: row groups' metadata and the closing magic. */
  finish() {
    writeMetadata(this.file, {
      version: 2,
      created_by: this.createdBy,
      schema: this.schema,
      num_rows: this.rows,
      row_groups: this.rowGroups,
    });
    this.file.appendUint32(MAGIC);
  }

  /** The bytes written since the last call; offsets keep counting from the file's start. */
  take() {
    const taken = this.file.getBytes().slice();
    this.file.index = 0;
    return taken;
  }

  writeChunk({ name, data, statistics }, rows) {
    const element = this.elements.get(name);
    if (!element) throw new Error(`column ${name} is not in the file's schema`);
    const { type } = element;
    const page =
      type === 'BYTE_ARRAY' && data.indexes
        ? textPage(name, data)
        : (type === 'INT64' || type === 'INT32') && data.numbers
          ? numberPage(name, type, data)
          : undefined;
    if (!page) throw new Error(`column ${name}: ${type} values cannot be written from ${Object.keys(data)}`);
    if (page.count !== rows)
      throw new Error(`column ${name} has ${page.count} values, the row group ${rows}`);

    const { file } = this;
    const start = file.offset;
    let uncompressed = 0;
    let dictionaryOffset;
    if (page.dictionary) {
      dictionaryOffset = BigInt(file.offset);
      const body = page.dictionary.entries.view();
      const compressed = snappyCompress(body);
      writePageHeader(file, {
        type: 'DICTIONARY_PAGE',
        uncompressed_page_size: body.length,
        compressed_page_size: compressed.length,
        dictionary_page_header: { num_values: page.dictionary.size, encoding: 'PLAIN' },
      });
      uncompressed += file.offset - Number(dictionaryOffset) + body.length;
      file.appendBytes(compressed);
    }
    const dataOffset = file.offset;
    const { levels, data: body } = page;
    const compressed = snappyCompress(body);
    const encoding = page.dictionary ? 'RLE_DICTIONARY' : 'PLAIN';
    writePageHeader(file, {
      type: 'DATA_PAGE_V2',
      uncompressed_page_size: levels.length + body.length,
      compressed_page_size: levels.length + compressed.length,
      data_page_header_v2: {
        num_values: rows,
        num_nulls: page.nulls,
        num_rows: rows,
        encoding,
        definition_levels_byte_length: levels.length,
        repetition_levels_byte_length: 0,
        is_compressed: true,
      },
    });
    uncompressed += file.offset - dataOffset + levels.length + body.length;
    file.appendBytes(levels);
    file.appendBytes(compressed);
    return {
      file_offset: BigInt(start),
      meta_data: {
        type,
        encodings: page.dictionary ? ['PLAIN', 'RLE', 'RLE_DICTIONARY'] : ['PLAIN', 'RLE'],
        path_in_schema: [name],
        codec: 'SNAPPY',
        num_values: BigInt(rows),
        total_uncompressed_size: BigInt(uncompressed),
        total_compressed_size: BigInt(file.offset - start),
        data_page_offset: BigInt(dataOffset),
        dictionary_page_offset: dictionaryOffset,
        statistics: statistics ? { ...page.bounds(), null_count: BigInt(page.nulls) } : undefined,
      },
    };
  }
}
