import type { Transform } from 'node:stream';

/**
 * Drives a zlib stream chunk by chunk, handing back what each chunk inflates to. Unlike piping, the
 * caller sees where the compressed data ended (`finished`, `consumed`): a zip entry's data descriptor
 * follows its deflate stream with no length given beforehand.
 */
export class ZlibPump {
  private readonly output: Buffer[] = [];
  private failure: Error | undefined;
  private ended = false;
  /** Settles when the stream fails: zlib may then never call back a pending write. */
  private readonly failed: Promise<void>;

  constructor(private readonly stream: Transform & { readonly bytesWritten: number }) {
    stream.on('data', (chunk: Buffer) => this.output.push(chunk));
    this.failed = new Promise((resolve) =>
      stream.on('error', (error: Error) => {
        this.failure ??= error;
        resolve();
      }),
    );
    stream.on('end', () => {
      this.ended = true;
    });
  }

  /** The compressed stream reached its own end: anything written after it was left unread. */
  get finished(): boolean {
    return this.ended;
  }

  /** Compressed bytes the stream has used. */
  get consumed(): number {
    return this.stream.bytesWritten;
  }

  /** Feeds `chunk`; resolves to the bytes it inflated to. */
  async write(chunk: Uint8Array): Promise<Buffer[]> {
    if (this.failure === undefined) {
      await Promise.race([
        new Promise<void>((resolve) => this.stream.write(chunk, () => resolve())),
        this.failed,
      ]);
    }
    return this.drained();
  }

  /** No more input: resolves to the last bytes once the stream has checked its own end (gzip's CRC). */
  async end(): Promise<Buffer[]> {
    if (!this.ended && this.failure === undefined) {
      const ended = new Promise((resolve) => this.stream.once('end', resolve));
      this.stream.end();
      await Promise.race([ended, this.failed]);
    }
    return this.drained();
  }

  private async drained(): Promise<Buffer[]> {
    // 'data', 'end' and 'error' may still be queued behind the write callback.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.failure !== undefined) throw this.failure;
    return this.output.splice(0);
  }
}
