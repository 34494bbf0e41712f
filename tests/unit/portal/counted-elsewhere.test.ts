import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../portal/src/i18n/language.ts';
import {
  countedElsewhereNote,
  statusClass,
  statusName,
} from '../../../portal/src/pages/upload/counted-elsewhere.ts';
import type { DatasetSummary } from '../../../shared/contracts/portal-api.ts';

const summary = (status: DatasetSummary['status'], countedIn: string | null) =>
  ({ id: 'a'.repeat(24), fileName: 'copie.csv', status, countedIn }) as DatasetSummary;

const HOLDER = 'b'.repeat(24);

describe('a file read and not counted', () => {
  it('is not called rejected when it is a duplicate, nor shown as an error', () => {
    const duplicate = summary('REJECTED', HOLDER);
    expect(statusName(duplicate, MESSAGES.fr)).toBe('Lu, non compté');
    expect(statusName(duplicate, MESSAGES.en)).toBe('Read, not counted');
    expect(statusClass(duplicate)).toBe('status-not-counted');
  });

  it('keeps the names of every other outcome', () => {
    expect(statusName(summary('REJECTED', null), MESSAGES.fr)).toBe('Rejeté');
    expect(statusClass(summary('REJECTED', null))).toBe('status-rejected');
    expect(statusName(summary('SUPERSEDED', HOLDER), MESSAGES.en)).toBe('Superseded');
    expect(statusName(summary('INGESTED', null), MESSAGES.en)).toBe('Ingested');
    expect(statusClass(undefined)).toBe('status-waiting');
  });

  it('names the file that counts it', () => {
    const note = countedElsewhereNote(
      { reason: 'duplicate', datasetId: HOLDER, fileName: 'mandats-2025.csv' },
      MESSAGES.fr,
    );
    expect(note).toContain('mandats-2025.csv');
    expect(note).toContain('comptées, une seule fois');
    expect(
      countedElsewhereNote({ reason: 'superseded', datasetId: HOLDER, fileName: 'T1.csv' }, MESSAGES.en),
    ).toBe('All its spend is in T1.csv, which counts it.');
  });

  it('does not name another institution’s file, nor give its id', () => {
    const note = countedElsewhereNote(
      { reason: 'duplicate', datasetId: HOLDER, fileName: null },
      MESSAGES.en,
    );
    expect(note).toContain('another institution');
    expect(note).not.toContain(HOLDER);
  });
});
