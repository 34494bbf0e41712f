/**
 * Log events an alarm counts: the runtime writes them as the `event` field of a JSON log line, the
 * infrastructure's metric filters match that field. A contract, free of runtime code.
 */
export const LOG_EVENTS = {
  /** A report that could not be built (its folder's status.json says why). */
  reportNotBuilt: 'report-not-built',
} as const;
