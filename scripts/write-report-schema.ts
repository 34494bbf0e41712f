/**
 * Writes docs/report-schema.json, the JSON Schema of report.json, from the zod schema the code uses.
 * A test fails when the committed file is out of date: run `npm run docs:schema`.
 */
import { writeFileSync } from 'node:fs';
import { reportJsonSchemaText } from '../shared/domain/report/report-json-schema.ts';

writeFileSync(new URL('../docs/report-schema.json', import.meta.url), reportJsonSchemaText());
console.log('docs/report-schema.json written');
