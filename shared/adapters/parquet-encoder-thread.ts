import { Worker } from 'node:worker_threads';
import type { SchemaElement } from 'hyparquet';
import type { PackedRowGroup } from './packed-columns.ts';

/** Beside this module in the sources, beside the handler in a bundled function. */
const WORKER_URL = new URL('./parquet-encoder-worker.mjs', import.meta.url);

/** The encoder thread's heap bound: a row group of 20 000 lines encodes in well under it. */
const ENCODER_HEAP_MB = 128;

type Answer = { readonly bytes: Uint8Array } | { readonly error: string };
interface Waiting {
  readonly resolve: (bytes: Uint8Array) => void;
  readonly reject: (error: Error) => void;
}

/**
 * One Parquet file encoded on a worker thread (parquet-encoder-worker.mjs): row groups are sent as
 * columns and come back as the file's next bytes, in the order they were sent. The caller reads on
 * while a row group encodes; it must `stop()` the thread once done, whatever happened.
 */
export class ParquetEncoderThread {
  private readonly worker: Worker;
  private readonly waiting: Waiting[] = [];
  private failure: Error | undefined;

  constructor(schema: readonly SchemaElement[]) {
    // Plain JavaScript needs no loader: the process's preloads (tsx, a bench hook) are not the thread's.
    this.worker = new Worker(WORKER_URL, {
      workerData: { schema },
      execArgv: [],
      // Two row groups at most are alive in the thread; unbounded, V8 would let its garbage grow
      // to hundreds of MB before collecting (BENCHMARKS.md).
      resourceLimits: { maxOldGenerationSizeMb: ENCODER_HEAP_MB },
    });
    this.worker.on('message', (answer: Answer) => {
      const next = this.waiting.shift();
      if ('bytes' in answer) next?.resolve(answer.bytes);
      else next?.reject(new Error(`Parquet encoding failed: ${answer.error}`));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the Parquet encoder stopped (exit code ${code})`)));
  }

  /** The bytes of one more row group; its buffers are handed over, unusable here after. */
  encode({ columns, transfer }: PackedRowGroup): Promise<Uint8Array> {
    return this.ask({ columns }, transfer);
  }

  /** The file's last bytes: its indexes and footer. */
  finish(): Promise<Uint8Array> {
    return this.ask({ finish: true });
  }

  async stop(): Promise<void> {
    this.failure ??= new Error('the Parquet encoder was stopped');
    await this.worker.terminate();
  }

  private ask(message: object, transfer: readonly ArrayBuffer[] = []): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    const answer = new Promise<Uint8Array>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.worker.postMessage(message, [...transfer]);
    return answer;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.splice(0)) waiting.reject(error);
  }
}
