import type { SchemaElement } from 'hyparquet';
import type { PackedColumn } from './packed-columns.ts';

export declare class PackedParquetFile {
  constructor(schema: readonly SchemaElement[], createdBy: string);
  writeRowGroup(columns: readonly PackedColumn[]): void;
  finish(): void;
  take(): Uint8Array;
}
