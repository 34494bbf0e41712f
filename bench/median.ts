/** The middle value (the upper of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[] = []): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
