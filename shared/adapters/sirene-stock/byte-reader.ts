/** Reads a byte stream piecemeal: exact lengths for headers, whatever comes for bodies, with put-back. */
export class ByteReader {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private held: Uint8Array[] = [];

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** The next bytes, at most `max` of them; `undefined` at the end of the stream. */
  async next(max = Number.POSITIVE_INFINITY): Promise<Uint8Array | undefined> {
    for (;;) {
      let chunk = this.held.shift();
      if (chunk === undefined) {
        const result = await this.iterator.next();
        if (result.done) return undefined;
        chunk = result.value;
      }
      if (chunk.byteLength === 0) continue;
      if (chunk.byteLength <= max) return chunk;
      this.held.unshift(chunk.subarray(max));
      return chunk.subarray(0, max);
    }
  }

  /** Exactly `length` bytes, or `undefined` when the stream ends first. */
  async exactly(length: number): Promise<Buffer | undefined> {
    const parts: Uint8Array[] = [];
    let got = 0;
    while (got < length) {
      const chunk = await this.next(length - got);
      if (chunk === undefined) return undefined;
      parts.push(chunk);
      got += chunk.byteLength;
    }
    return Buffer.concat(parts, length);
  }

  /** Puts bytes back in front of the stream. */
  unread(bytes: Uint8Array): void {
    if (bytes.byteLength > 0) this.held.unshift(bytes);
  }

  /** Reads to the end (so the source can check its length); returns how many bytes that was. */
  async drain(): Promise<number> {
    let count = 0;
    for (let chunk = await this.next(); chunk !== undefined; chunk = await this.next())
      count += chunk.byteLength;
    return count;
  }
}
