import {
  type Column,
  Database,
  DataFormat,
  PartitionProjectionConfiguration,
  S3Table,
  S3TableStorage,
  Schema,
  type Type,
} from 'aws-cdk-lib/aws-glue';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DatasetKindSchema } from '../../shared/domain/dataset-kind.ts';
import { LINE_COLUMNS, LINE_PARTITIONS, LINES_PREFIX } from '../../shared/domain/lines/line-columns.ts';

type LinePhysicalType = (typeof LINE_COLUMNS)[number]['type'];

/** The Athena (Hive) type each physical type of the line files reads as. */
const ATHENA_TYPES = {
  STRING: Schema.STRING,
  INT64: Schema.BIG_INT,
  INT32: Schema.INTEGER,
} as const satisfies Record<LinePhysicalType, Type>;

/**
 * The one partition column: the kind, the first folder under `lines/`. The files hold no kind (nor a
 * dataset id): it is known from the key alone, and payments and contracts are never added together.
 */
const KIND_PARTITION = LINE_PARTITIONS[0];

/** Where Athena looks for one kind's files; `${kind}` is Athena's placeholder, not a JS one. */
const kindLocationTemplate = (bucketName: string) =>
  `s3://${bucketName}/${LINES_PREFIX}${KIND_PARTITION}=\${${KIND_PARTITION}}/`;

export interface LinesTableProps {
  /** The bucket whose `lines/` holds the line files (the uploads bucket). */
  readonly bucket: IBucket;
  readonly databaseName: string;
  readonly tableName: string;
}

/**
 * The Glue database and table that let Athena query the line files (docs/athena.md). The columns
 * are `LINE_COLUMNS`, so the table follows the files whenever their columns change.
 *
 * Partitioned by kind only, with partition projection (no crawler, no partition to register). The
 * keys also carry `anchor=…/dataset=…/` folders, but the only projection for values unknown at
 * deploy time, `injected`, makes every query name them by equality: no spend across anchors. So
 * those folders stay inside each kind's partition, which Athena reads whole, subfolders included;
 * `"$path"` selects one anchor's or dataset's files.
 */
export class LinesTable extends Construct {
  readonly database: Database;
  readonly table: S3Table;

  constructor(scope: Construct, id: string, props: LinesTableProps) {
    super(scope, id);
    this.database = new Database(this, 'Database', {
      databaseName: props.databaseName,
      description: 'Ancrage: the counted spend lines, for Athena (docs/athena.md).',
    });
    const columns: Column[] = LINE_COLUMNS.map((column) => ({
      name: column.name,
      type: ATHENA_TYPES[column.type],
      comment: column.doc,
    }));
    this.table = new S3Table(this, 'Table', {
      database: this.database,
      tableName: props.tableName,
      description: 'One row per counted spend line, from the Parquet files under lines/ (docs/athena.md).',
      storage: S3TableStorage.fromBucket(props.bucket),
      s3Prefix: LINES_PREFIX,
      dataFormat: DataFormat.PARQUET,
      columns,
      partitionKeys: [{ name: KIND_PARTITION, type: Schema.STRING, comment: 'payments or contracts' }],
      partitionProjection: {
        [KIND_PARTITION]: PartitionProjectionConfiguration.enum({ values: [...DatasetKindSchema.options] }),
      },
      parameters: { 'storage.location.template': kindLocationTemplate(props.bucket.bucketName) },
      // The flag is for client-side encrypted data; the files are SSE-S3, which S3 decrypts itself.
      hasEncryptedData: false,
    });
  }
}
