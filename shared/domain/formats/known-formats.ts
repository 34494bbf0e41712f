import { decpFlatCsv } from './decp-flat-csv.ts';
import { decpOdsCsv } from './decp-ods-csv.ts';
import type { FormatProfile } from './format-profile.ts';
import { frPaymentsCsv } from './fr-payments-csv.ts';
import { ukSpendCsv } from './uk-spend-csv.ts';

/** Most specific first: when two formats fit a header equally, the earlier wins. */
export const KNOWN_FORMATS: readonly FormatProfile[] = [decpFlatCsv, decpOdsCsv, frPaymentsCsv, ukSpendCsv];
