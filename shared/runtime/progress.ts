import { EventEmitter } from 'node:events';

export interface IngestProgress {
  readonly bytes: number;
  readonly lines: number;
}

/**
 * Ingest reports its progress here. In Lambda nobody listens; the CLI listens to draw a progress
 * line on a terminal while it drives the very same handler in-process.
 */
export const ingestProgress = new EventEmitter<{ progress: [IngestProgress] }>();
