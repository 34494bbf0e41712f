import * as z from 'zod';
import { METHOD_VERSION, REPORT_SCHEMA_VERSION, ReportSchema } from './report-schema.ts';

/** The JSON Schema of report.json, as published in docs/report-schema.json. */
export function reportJsonSchemaText(): string {
  const schema = {
    ...z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' }),
    title: 'Ancrage local-spend report',
    description: `report.json written by Ancrage (schema ${REPORT_SCHEMA_VERSION}, method ${METHOD_VERSION} at generation).`,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
