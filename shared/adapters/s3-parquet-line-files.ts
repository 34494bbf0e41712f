import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { type AsyncBuffer, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { ByteWriter, type ColumnSource, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import { LINE_COLUMNS, lineOfRow, lineRow, linesFolder, partKey } from '../domain/lines/line-columns.ts';
import type { SpendLine } from '../domain/spend-line.ts';
import type { LineFiles, LineFileWriter, LinePage, LinesOwner } from '../ports/line-files.ts';
import { createS3ObjectStore } from './s3-object-store.ts';

/** Lines per row group: the unit the drill-down reads, and what the writer holds before encoding. */
export const LINES_PER_ROW_GROUP = 20_000;
/** S3 multipart parts must be at least 5 MiB, the last excepted. */
const PART_BYTES = 8 * 1024 * 1024;

/** Columns of a batch of lines; INT64 columns take bigints. */
function columnsOf(lines: readonly SpendLine[]): ColumnSource[] {
  const rows = lines.map(lineRow);
  return LINE_COLUMNS.map(({ name, type }) => ({
    name,
    type,
    data:
      type === 'INT64'
        ? rows.map((row) => (row[name] === null ? null : BigInt(row[name] as number)))
        : rows.map((row) => row[name]),
    nullable: true,
    // Min/max per row group cost a third of the encoding time; the supplier's are the ones a reader
    // (Athena looking for one supplier) can skip row groups by.
    statistics: name === 'supplier_key',
  }));
}

const SCHEMA = schemaFromColumnData({ columnData: columnsOf([]) });

/**
 * Bytes of one S3 object, sent as they are encoded: multipart parts of 8 MiB while the file grows,
 * one plain PUT for a file that never reaches a part's size. Memory holds one part, not the file.
 */
class S3ObjectWriter extends ByteWriter {
  private uploadId: string | undefined;
  private readonly parts: { ETag: string | undefined; PartNumber: number }[] = [];

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly key: string,
  ) {
    super(1024 * 1024);
  }

  async flush(): Promise<void> {
    if (this.index >= PART_BYTES) await this.sendPart();
  }

  override async finish(): Promise<void> {
    if (!this.uploadId) {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: this.key, Body: this.getBytes().slice() }),
      );
      return;
    }
    await this.sendPart();
    await this.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.bucket,
        Key: this.key,
        UploadId: this.uploadId,
        MultipartUpload: { Parts: this.parts },
      }),
    );
  }

  async abort(): Promise<void> {
    if (this.uploadId)
      await this.client.send(
        new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: this.key, UploadId: this.uploadId }),
      );
  }

  private async sendPart(): Promise<void> {
    this.uploadId ??= (
      await this.client.send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: this.key }))
    ).UploadId;
    const PartNumber = this.parts.length + 1;
    const sent = await this.client.send(
      new UploadPartCommand({
        Bucket: this.bucket,
        Key: this.key,
        UploadId: this.uploadId,
        PartNumber,
        Body: this.getBytes().slice(),
      }),
    );
    this.parts.push({ ETag: sent.ETag, PartNumber });
    this.index = 0;
  }
}

/** One dataset's next line file: lines wait until they fill a row group, then are encoded and sent. */
class ParquetLineFileWriter implements LineFileWriter {
  private readonly pending: SpendLine[] = [];
  private file: { bytes: S3ObjectWriter; parquet: ParquetWriter } | undefined;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly folder: string,
  ) {}

  async write(lines: readonly SpendLine[]): Promise<void> {
    this.pending.push(...lines);
    while (this.pending.length >= LINES_PER_ROW_GROUP)
      await this.encode(this.pending.splice(0, LINES_PER_ROW_GROUP));
  }

  async close(): Promise<void> {
    if (this.pending.length > 0) await this.encode(this.pending.splice(0));
    if (!this.file) return;
    const { bytes, parquet } = this.file;
    try {
      await parquet.finish();
    } catch (error) {
      await bytes.abort();
      throw error;
    }
  }

  private async encode(lines: SpendLine[]): Promise<void> {
    const first = lines[0];
    if (!first) return;
    if (!this.file) {
      const bytes = new S3ObjectWriter(this.client, this.bucket, partKey(this.folder, first.sequence));
      this.file = {
        bytes,
        parquet: new ParquetWriter({ writer: bytes, schema: SCHEMA, createdBy: 'ancrage' }),
      };
    }
    await this.file.parquet.write({ columnData: columnsOf(lines), rowGroupSize: lines.length });
  }
}

/** Ranged reads of one object: the Parquet reader asks for the footer, then for the column chunks it needs. */
async function objectBuffer(client: S3Client, bucket: string, key: string): Promise<AsyncBuffer> {
  const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  return {
    byteLength: head.ContentLength ?? 0,
    async slice(start, end) {
      const range = `bytes=${start}-${(end ?? head.ContentLength ?? 0) - 1}`;
      const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: range }));
      const bytes = (await got.Body?.transformToByteArray()) ?? new Uint8Array();
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
}

/**
 * Line files as Parquet in the uploads bucket, one folder per dataset (docs/athena.md). The drill-down
 * reads a supplier's lines row group by row group: the supplier column first, the whole row group
 * only where it matches.
 */
export function createS3ParquetLineFiles(client: S3Client, bucket: string): LineFiles {
  const objects = createS3ObjectStore(client);
  // A dataset's line files in sequence order: each is named by its first line's zero-padded sequence.
  const filesOf = async (owner: LinesOwner) => (await objects.list(bucket, linesFolder(owner))).sort();
  return {
    writer: (owner: LinesOwner) => new ParquetLineFileWriter(client, bucket, linesFolder(owner)),

    async read(owner, { supplierKey, offset, limit }): Promise<LinePage> {
      const lines: SpendLine[] = [];
      let skipped = 0;
      for (const key of await filesOf(owner)) {
        const file = await objectBuffer(client, bucket, key);
        const metadata = await parquetMetadataAsync(file);
        let rowStart = 0;
        for (const group of metadata.row_groups) {
          const rowEnd = rowStart + Number(group.num_rows);
          const range = { file, metadata, rowStart, rowEnd };
          const keys = supplierKey
            ? await parquetReadObjects({ ...range, columns: ['supplier_key'] })
            : undefined;
          const matching = keys
            ? keys.flatMap((row, index) => (row.supplier_key === supplierKey ? [index] : []))
            : Array.from({ length: rowEnd - rowStart }, (_, index) => index);
          rowStart = rowEnd;
          if (skipped + matching.length <= offset) {
            skipped += matching.length;
            continue;
          }
          const rows = await parquetReadObjects(range);
          for (const index of matching) {
            if (skipped < offset) {
              skipped++;
              continue;
            }
            if (lines.length === limit) return { lines, more: true };
            const row = rows[index];
            if (row) lines.push(lineOfRow(row));
          }
        }
      }
      return { lines, more: false };
    },

    async remove(owner) {
      const keys = await filesOf(owner);
      for (let at = 0; at < keys.length; at += 1000) {
        await client.send(
          new DeleteObjectsCommand({
            Bucket: bucket,
            Delete: { Objects: keys.slice(at, at + 1000).map((Key) => ({ Key })), Quiet: true },
          }),
        );
      }
    },
  };
}
