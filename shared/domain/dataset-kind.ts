import * as z from 'zod';

/** Payments are amounts actually paid; contracts are amounts notified. They are never added together. */
export const DatasetKindSchema = z.enum(['payments', 'contracts']);
export type DatasetKind = z.infer<typeof DatasetKindSchema>;

export const CurrencySchema = z.enum(['EUR', 'GBP']);
export type Currency = z.infer<typeof CurrencySchema>;
