/** What a zip local file header says of the entry that follows it. */
export interface ZipLocalHeader {
  readonly name: string;
  readonly flags: number;
  /** 0 stored, 8 deflate. */
  readonly method: number;
  readonly crc32: number;
  /** `undefined` when a data descriptor after the data gives it instead. */
  readonly compressedSize: number | undefined;
  readonly size: number | undefined;
  /** A ZIP64 extra field is present: a data descriptor then carries 8-byte sizes. */
  readonly zip64: boolean;
}

export const LOCAL_HEADER_SIGNATURE = 0x04034b50;
export const LOCAL_HEADER_BYTES = 30;
export const DATA_DESCRIPTOR_SIGNATURE = 0x08074b50;

const ZIP64_EXTRA_ID = 0x0001;
const OVERFLOWED = 0xffffffff;
export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DATA_DESCRIPTOR = 0x0008;

/** Reads the ZIP64 extra field's 8-byte sizes: present only for the 32-bit fields that overflowed. */
function zip64Sizes(extra: Buffer, size: number, compressedSize: number) {
  let offset = 0;
  while (offset + 4 <= extra.length) {
    const id = extra.readUInt16LE(offset);
    const length = extra.readUInt16LE(offset + 2);
    if (id === ZIP64_EXTRA_ID) {
      let field = offset + 4;
      const end = field + length;
      const take = (value: number): number => {
        if (value !== OVERFLOWED || field + 8 > end) return value;
        const wide = Number(extra.readBigUInt64LE(field));
        field += 8;
        return wide;
      };
      // The spec's order: uncompressed size, then compressed size.
      const wideSize = take(size);
      return { found: true, size: wideSize, compressedSize: take(compressedSize) };
    }
    offset += 4 + length;
  }
  return { found: false, size, compressedSize };
}

/** Parses the fixed 30 bytes plus the name and extra field that follow them. */
export function parseLocalHeader(fixed: Buffer, nameAndExtra: Buffer): ZipLocalHeader {
  const flags = fixed.readUInt16LE(6);
  const nameLength = fixed.readUInt16LE(26);
  const sizes = zip64Sizes(nameAndExtra.subarray(nameLength), fixed.readUInt32LE(22), fixed.readUInt32LE(18));
  const deferred = (flags & FLAG_DATA_DESCRIPTOR) !== 0;
  return {
    name: nameAndExtra.subarray(0, nameLength).toString('utf8'),
    flags,
    method: fixed.readUInt16LE(8),
    crc32: fixed.readUInt32LE(14),
    // With a data descriptor, writers leave the header's sizes at zero (or fill them in): trust neither.
    compressedSize: deferred && sizes.compressedSize === 0 ? undefined : sizes.compressedSize,
    size: deferred && sizes.size === 0 ? undefined : sizes.size,
    zip64: sizes.found,
  };
}

/** The fixed part's own lengths of the name and extra field. */
export const variableLength = (fixed: Buffer): number => fixed.readUInt16LE(26) + fixed.readUInt16LE(28);
