import { type IngestProgress, ingestProgress } from '../runtime/progress.ts';

const REDRAW_EVERY_MS = 200;

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/**
 * Draws "file: 12.3 MB, 120 000 lines, 45 000 lines/s" on a terminal while a file is ingested, and
 * stays silent when stderr is not a terminal (CI logs, pipes).
 */
export function showIngestProgress(label: string, stream: NodeJS.WriteStream = process.stderr): () => void {
  if (!stream.isTTY) return () => undefined;
  const started = Date.now();
  let lastDraw = 0;
  const draw = (progress: IngestProgress) => {
    const now = Date.now();
    if (now - lastDraw < REDRAW_EVERY_MS) return;
    lastDraw = now;
    const seconds = Math.max((now - started) / 1000, 0.001);
    const rate = Math.round(progress.lines / seconds)
      .toLocaleString('en-US')
      .replace(/,/g, ' ');
    const lines = progress.lines.toLocaleString('en-US').replace(/,/g, ' ');
    stream.write(`\r${label}: ${megabytes(progress.bytes)}, ${lines} lines, ${rate} lines/s   `);
  };
  ingestProgress.on('progress', draw);
  return () => {
    ingestProgress.off('progress', draw);
    if (lastDraw > 0) stream.write('\n');
  };
}
