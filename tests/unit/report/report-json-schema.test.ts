import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportJsonSchemaText } from '../../../shared/domain/report/report-json-schema.ts';

describe('docs/report-schema.json', () => {
  it('is the JSON Schema of the current zod report schema (run `npm run docs:schema` after a change)', () => {
    const committed = readFileSync(new URL('../../../docs/report-schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(reportJsonSchemaText());
  });

  it('names the fields other tools rely on', () => {
    const schema = JSON.parse(reportJsonSchemaText()) as { required: string[] };
    for (const field of [
      'schemaVersion',
      'methodVersion',
      'kind',
      'currency',
      'territory',
      'period',
      'anchors',
    ]) {
      expect(schema.required).toContain(field);
    }
    for (const field of ['datasets', 'totals', 'byRing', 'bySupplierType', 'topSuppliers', 'coverage']) {
      expect(schema.required).toContain(field);
    }
  });
});
