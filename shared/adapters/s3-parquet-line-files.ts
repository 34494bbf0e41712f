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
import { LINE_COLUMNS, lineOfRow, linesFolder, partKey } from '../domain/lines/line-columns.ts';
import type { SpendLine } from '../domain/spend-line.ts';
import type { LineFiles, LineFileWriter, LinePage, LinesOwner } from '../ports/line-files.ts';
import { type ColumnReader, packedRowGroup, schemaOf } from './packed-columns.ts';
import { ParquetEncoderThread } from './parquet-encoder-thread.ts';
import { createS3ObjectStore } from './s3-object-store.ts';

/** Lines per row group: the unit the drill-down reads, and what the writer holds before encoding. */
export const LINES_PER_ROW_GROUP = 20_000;
/** S3 multipart parts must be at least 5 MiB, the last excepted. */
const PART_BYTES = 8 * 1024 * 1024;

/** The line files' columns, as they are read from the lines and packed for the encoder thread. */
const LINE_COLUMN_READERS: readonly ColumnReader<SpendLine>[] = LINE_COLUMNS.map(({ name, type, value }) => ({
  name,
  type,
  value,
  nullable: true,
  // Min/max per row group only where a reader can use them: Athena, looking for one supplier, skips
  // the row groups whose supplier keys cannot hold it.
  statistics: name === 'supplier_key',
}));

const SCHEMA = schemaOf(LINE_COLUMN_READERS);

/**
 * One S3 object sent as its bytes arrive: multipart parts of 8 MiB while the file grows, one plain
 * PUT for a file that never reaches a part's size. Memory holds one part, not the file.
 */
class S3ObjectUpload {
  private uploadId: string | undefined;
  private readonly parts: { ETag: string | undefined; PartNumber: number }[] = [];
  private buffered: Uint8Array[] = [];
  private bufferedBytes = 0;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly key: string,
  ) {}

  async append(bytes: Uint8Array): Promise<void> {
    this.buffered.push(bytes);
    this.bufferedBytes += bytes.byteLength;
    if (this.bufferedBytes >= PART_BYTES) await this.sendPart();
  }

  async finish(): Promise<void> {
    if (!this.uploadId) {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: this.key, Body: this.takeBuffered() }),
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

  private takeBuffered(): Buffer {
    const bytes = Buffer.concat(this.buffered, this.bufferedBytes);
    this.buffered = [];
    this.bufferedBytes = 0;
    return bytes;
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
        Body: this.takeBuffered(),
      }),
    );
    this.parts.push({ ETag: sent.ETag, PartNumber });
  }
}

/**
 * One dataset's next line file: lines wait until they fill a row group, which is encoded on the
 * encoder thread while the ingest reads the next one; its bytes are sent when the next is handed over.
 */
class ParquetLineFileWriter implements LineFileWriter {
  private readonly pending: SpendLine[] = [];
  private file: { object: S3ObjectUpload; encoder: ParquetEncoderThread } | undefined;
  /** Row groups handed to the encoder and not yet sent, in order. */
  private readonly encoding: Promise<Uint8Array>[] = [];

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly folder: string,
  ) {}

  async write(lines: readonly SpendLine[]): Promise<void> {
    for (const line of lines) this.pending.push(line);
    while (this.pending.length >= LINES_PER_ROW_GROUP)
      await this.encode(this.pending.splice(0, LINES_PER_ROW_GROUP));
  }

  async close(): Promise<void> {
    if (this.pending.length > 0) await this.encode(this.pending.splice(0));
    const file = this.file;
    if (!file) return;
    this.file = undefined;
    try {
      await this.sendEncoded(0, file.object);
      await file.object.append(await file.encoder.finish());
      await file.object.finish();
    } catch (error) {
      await file.object.abort();
      throw error;
    } finally {
      await file.encoder.stop();
    }
  }

  async abandon(): Promise<void> {
    const file = this.file;
    if (!file) return;
    this.file = undefined;
    await file.encoder.stop();
    await file.object.abort();
  }

  private async encode(lines: SpendLine[]): Promise<void> {
    const first = lines[0];
    if (!first) return;
    this.file ??= {
      object: new S3ObjectUpload(this.client, this.bucket, partKey(this.folder, first.sequence)),
      encoder: new ParquetEncoderThread(SCHEMA),
    };
    const encoded = this.file.encoder.encode(packedRowGroup(lines, LINE_COLUMN_READERS));
    // Awaited in order by sendEncoded; a failure meanwhile must not count as unhandled.
    encoded.catch(() => undefined);
    this.encoding.push(encoded);
    // One row group encodes while the next is read: memory holds two, not the file.
    await this.sendEncoded(1, this.file.object);
  }

  private async sendEncoded(keep: number, object: S3ObjectUpload): Promise<void> {
    while (this.encoding.length > keep) {
      const next = this.encoding.shift() as Promise<Uint8Array>;
      await object.append(await next);
    }
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
