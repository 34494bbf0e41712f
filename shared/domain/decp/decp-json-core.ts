import { DECP_JSON_FORMATS } from '../formats/decp-json-formats.ts';
import type { HolderSplit } from '../holder-split.ts';
import type { DatasetSummary } from '../ingest/dataset-tally.ts';
import { LineCollector } from '../ingest/line-collector.ts';
import type { Rejection } from '../ingest/rejection.ts';
import type { SupplierRollups } from '../ingest/supplier-rollup.ts';
import { fail, ok, type Result } from '../result.ts';
import type { SpendLine } from '../spend-line.ts';
import type { UploadRights } from '../territory/upload-rights.ts';
import { contractAmountCents, decpContractLines, duplicateContract } from './decp-lines.ts';
import { type DecpSegment, type DecpVersion, readDecpContract } from './read-decp-contract.ts';

/** One published contract object, with its rank in the file (1 = first). */
export interface JsonRecord {
  readonly position: number;
  readonly segment: DecpSegment;
  readonly value: unknown;
}

/**
 * DECP JSON contracts → spend lines. The official key (buyer id + contract id) counts a contract
 * once even when a consolidated file repeats it; modifications are already applied by the reader.
 */
export class DecpJsonCore {
  private readonly collected: LineCollector;
  private readonly firstPositionOfKey = new Map<string, number>();

  constructor(
    private readonly options: {
      readonly version: DecpVersion;
      readonly split: HolderSplit;
      readonly maxRejectedRatio: number;
      /** The uploader's institution: the buyer of a contract that names none. */
      readonly defaultAnchorId: string;
      /** Who uploaded the file: a contract of a buyer they may not upload for is refused. */
      readonly rights?: UploadRights | undefined;
    },
  ) {
    this.collected = new LineCollector(options.maxRejectedRatio);
  }

  get format() {
    return DECP_JSON_FORMATS[this.options.version];
  }

  get rollups(): SupplierRollups {
    return this.collected.rollups;
  }

  push(record: JsonRecord): Result<void> {
    const raw = () => JSON.stringify(record.value).slice(0, 2_000);
    const contract = readDecpContract(record.value, this.options.version, record.segment, record.position);
    if (!contract.ok) {
      this.collected.reject({ lineNumber: record.position, reason: contract.reason, raw: raw() });
      return ok(undefined);
    }
    const first = this.firstPositionOfKey.get(contract.value.key);
    if (first !== undefined) {
      this.collected.setAside(duplicateContract(contract.value, record.position, first));
      return ok(undefined);
    }
    this.firstPositionOfKey.set(contract.value.key, record.position);
    const lines = decpContractLines(contract.value, record.position, this.options);
    if (!lines.ok) {
      const amount = contractAmountCents(contract.value);
      this.collected.reject({
        lineNumber: record.position,
        reason: lines.reason,
        raw: raw(),
        ...(amount.ok ? { amountCents: amount.value.cents } : {}),
      });
      return ok(undefined);
    }
    for (const line of lines.value) this.collected.accept(line);
    return ok(undefined);
  }

  drainLines(): SpendLine[] {
    return this.collected.drainLines();
  }

  drainRejections(): Rejection[] {
    return this.collected.drainRejections();
  }

  finish(): Result<DatasetSummary> {
    const summary = this.collected.summarise({ unit: 'contract', noData: 'the file contains no contract' });
    if (!summary.ok) return fail(summary.reason);
    return ok({ ...summary.value, format: this.format.id, headerLine: 0 });
  }
}
