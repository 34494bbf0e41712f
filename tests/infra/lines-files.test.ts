import { readFileSync } from 'node:fs';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { parquetMetadata, parquetReadObjects, parquetSchema, type SchemaElement } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../shared/adapters/aws-clients.ts';
import { createS3ParquetLineFiles } from '../../shared/adapters/s3-parquet-line-files.ts';
import { type DatasetKind, DatasetKindSchema } from '../../shared/domain/dataset-kind.ts';
import { LINES_PREFIX, lineOfRow, linesFolder, partKey } from '../../shared/domain/lines/line-columns.ts';
import type { SpendLine } from '../../shared/domain/spend-line.ts';
import { type EmbeddedStack, startEmbeddedStack } from '../../shared/local/embedded-stack.ts';
import { repoRoot } from '../support/run-cli.ts';
import { synthesise } from './synth.ts';
import { renderTokens } from './template-text.ts';

/**
 * The Glue table against real line files: written by the ingest's own writer into the emulated
 * uploads bucket, read back with a Parquet reader. Athena cannot run here; what it relies on can.
 */

interface GlueColumn {
  readonly Name: string;
  readonly Type: string;
}

let table: { readonly columns: readonly GlueColumn[]; readonly kindTemplate: string };
let stack: EmbeddedStack;
let s3: S3Client;

beforeAll(async () => {
  const [resource] = Object.values(synthesise().storage.findResources('AWS::Glue::Table'));
  const input = resource?.Properties.TableInput;
  table = {
    columns: input.StorageDescriptor.Columns,
    kindTemplate: renderTokens(input.Parameters['storage.location.template']),
  };
  stack = await startEmbeddedStack();
  s3 = createS3Client(stack.s3Endpoint);
});

afterAll(async () => {
  s3?.destroy();
  await stack?.stop();
});

const LINES: SpendLine[] = [
  {
    sequence: 1,
    lineNumber: 3,
    anchorId: '21380185500015',
    anchorName: 'Grenoble-Alpes Métropole',
    date: '2025-03-14',
    amountCents: 1_234_567,
    currency: 'EUR',
    supplier: {
      key: 'siren:552081317',
      name: 'Eau & Réseaux',
      identifier: { scheme: 'siret', value: '55208131766522' },
      postcode: '38000',
      commune: 'Grenoble',
      communeCode: '38185',
      country: 'FR',
    },
    categoryCode: '6156',
    categoryLabel: 'Maintenance',
    serviceArea: 'Eau',
    reference: 'M-2025-42',
    description: 'Réparation d’une conduite',
    flags: ['identifier-placeholder', 'postcode-unreadable'],
  },
  {
    sequence: 2,
    lineNumber: 9,
    anchorId: '21380185500015',
    amountCents: -50_000,
    currency: 'EUR',
    supplier: {
      key: 'vat:BE0123456789',
      name: 'Transports Belges',
      identifier: { scheme: 'vat', value: 'BE0123456789', country: 'BE' },
    },
    contractUid: '2025-0007',
    segment: 'concession',
    shareOf: 2,
    flags: ['undated'],
  },
  {
    sequence: 3,
    lineNumber: 10,
    anchorId: '21380185500015',
    date: '2025-12-31',
    amountCents: 900_719_925_474,
    currency: 'EUR',
    supplier: { key: 'local:F042', name: 'Fournisseur 42', invalidIdentifier: '7,33E+13', localId: 'F042' },
    flags: [],
  },
];

/** What a Parquet column must be for Athena to read it as the table's type (Hive's Parquet SerDe). */
function readsAs(type: string, element: SchemaElement): boolean {
  switch (type) {
    case 'string':
      return (
        element.type === 'BYTE_ARRAY' &&
        (element.converted_type === 'UTF8' || element.logical_type?.type === 'STRING')
      );
    case 'bigint':
      return element.type === 'INT64' && [undefined, 'INT_64'].includes(element.converted_type);
    case 'int':
      return element.type === 'INT32' && [undefined, 'INT_32'].includes(element.converted_type);
    default:
      return false;
  }
}

async function objectBytes(key: string): Promise<ArrayBuffer> {
  const object = await s3.send(new GetObjectCommand({ Bucket: stack.buckets.uploads, Key: key }));
  const bytes = await object.Body?.transformToByteArray();
  if (!bytes) throw new Error(`no body for ${key}`);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe('a line file, as the ingest writes it', () => {
  const owner = { id: '0123456789abcdef01234567', anchorId: '21380185500015', kind: 'payments' } as const;

  it('holds every column the table declares, in order, with the physical type Athena reads it as', async () => {
    const writer = createS3ParquetLineFiles(s3, stack.buckets.uploads).writer(owner);
    await writer.write(LINES);
    await writer.close();
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: stack.buckets.uploads, Prefix: LINES_PREFIX }),
    );
    const key = partKey(linesFolder(owner), 1);
    expect(listed.Contents?.map((object) => object.Key)).toEqual([key]);

    const file = await objectBytes(key);
    const elements = parquetSchema(parquetMetadata(file)).children.map((child) => child.element);
    expect(elements.map((element) => element.name)).toEqual(table.columns.map((column) => column.Name));
    for (const column of table.columns) {
      const element = elements.find((candidate) => candidate.name === column.Name);
      expect(element && readsAs(column.Type, element), `${column.Name} as ${column.Type}`).toBe(true);
    }
    // Nothing lost on the way: the rows read back are the lines written.
    const rows = await parquetReadObjects({ file });
    expect(rows.map(lineOfRow)).toEqual(LINES);
    expect(rows[0]?.flags).toBe('identifier-placeholder|postcode-unreadable');
  });
});

describe('the key layout', () => {
  const bucket = 'ancrage-dev-uploads-123456789012-eu-west-3';
  const owners: { id: string; anchorId: string; kind: DatasetKind }[] = [
    { id: 'fedcba9876543210fedcba98', anchorId: '21380185500015', kind: 'payments' },
    { id: 'a dataset/with?odd#chars', anchorId: 'CCAS de Saint-Égrève/2', kind: 'contracts' },
  ];
  /** The `"$path"` expressions docs/athena.md gives, as Java regexes; JavaScript reads them alike. */
  const PATH_FOLDERS = { anchor: '/anchor=([^/]+)/', dataset: '/dataset=([^/]+)/' } as const;

  it('puts each kind’s files under the partition location the table projects for that kind', () => {
    const [prefix, suffix] = table.kindTemplate.split(`\${kind}`);
    expect(prefix).toMatch(/^s3:\/\/\$\{Ref:Uploads[A-F0-9]+\}\/lines\/kind=$/);
    for (const owner of owners) {
      const path = `s3://${bucket}/${partKey(linesFolder(owner), 1)}`;
      const location = `${prefix?.replace(/^s3:\/\/[^/]+\//, `s3://${bucket}/`)}${owner.kind}${suffix}`;
      expect(path.startsWith(location)).toBe(true);
      // One folder for the anchor, one for the dataset, then the parts: read with the kind's partition.
      expect(path.slice(location.length)).toMatch(/^anchor=[^/]+\/dataset=[^/]+\/part-\d{12}\.parquet$/);
    }
  });

  it('lets a query find a file’s anchor and dataset in "$path", URI-encoded', () => {
    for (const owner of owners) {
      const path = `s3://${bucket}/${partKey(linesFolder(owner), 42)}`;
      const folder = (pattern: string) => new RegExp(pattern).exec(path)?.[1];
      expect(folder(PATH_FOLDERS.dataset)).toBe(encodeURIComponent(owner.id));
      expect(decodeURIComponent(folder(PATH_FOLDERS.dataset) ?? '')).toBe(owner.id);
      expect(decodeURIComponent(folder(PATH_FOLDERS.anchor) ?? '')).toBe(owner.anchorId);
      // Trino's url_decode reads `+` as a space: encodeURIComponent never writes one.
      expect(folder(PATH_FOLDERS.dataset)).not.toContain('+');
    }
    const docs = readFileSync(`${repoRoot}docs/athena.md`, 'utf8');
    for (const pattern of Object.values(PATH_FOLDERS)) expect(docs).toContain(`'${pattern}'`);
  });

  it('writes each kind’s folder as the enum value the table projects', () => {
    for (const kind of DatasetKindSchema.options) {
      expect(encodeURIComponent(kind)).toBe(kind);
      expect(kind).not.toContain(',');
      expect(linesFolder({ id: 'x', anchorId: 'y', kind })).toBe(`lines/kind=${kind}/anchor=y/dataset=x/`);
    }
  });
});
