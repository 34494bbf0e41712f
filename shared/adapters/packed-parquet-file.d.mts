import type { SchemaElement } from 'hyparquet';
import type { PackedData } from './packed-columns.ts';

/** A column of a row group as packed-columns.ts sends it; `statistics` asks for its min, max and nulls. */
export interface PackedColumnChunk {
  readonly name: string;
  readonly data: PackedData;
  readonly statistics?: boolean | undefined;
}

export declare class PackedParquetFile {
  constructor(schema: readonly SchemaElement[], createdBy: string);
  writeRowGroup(columns: readonly PackedColumnChunk[]): void;
  finish(): void;
  take(): Uint8Array;
}
