import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FilesystemStore, StoredObject } from 's3rver';

/** Runs tasks one after another per name; names with nothing queued are forgotten. */
class NamedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(name: string, task: () => Promise<T>): Promise<T> {
    const before = this.tails.get(name) ?? Promise.resolve();
    const done = before.then(task, task);
    const tail = done.catch(() => undefined);
    this.tails.set(name, tail);
    try {
      return await done;
    } finally {
      if (this.tails.get(name) === tail) this.tails.delete(name);
    }
  }
}

/** Writes a body to a file and resolves once it is on disk, with its size and MD5 (the ETag). */
async function written(
  path: string,
  content: StoredObject['content'],
): Promise<{ size: number; md5: string }> {
  const md5 = createHash('md5');
  let size = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      md5.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
  await pipeline(source, counted, createWriteStream(path));
  return { size, md5: md5.digest('hex') };
}

/**
 * Makes the embedded S3 (s3rver) replace an object whole, as S3 does. s3rver rewrites an object's file
 * in place and answers a PUT before its bytes are on disk, and a GET reads the file's size and then
 * opens it: a report read while `ancrage serve` rebuilds it could come out cut short (the connection
 * closed mid-body) or mixed. Here a body is written to a file of its own, then renamed over the
 * object's with its metadata, while no GET of that key is between reading the size and opening the
 * file; a GET that opened the old file reads it to the end. A writing file's name does not end as an
 * object's does, so listings never show it.
 */
export function replacingObjectsWhole(store: FilesystemStore): void {
  const keys = new NamedQueue();
  const getObject = store.getObject.bind(store);
  const deleteObject = store.deleteObject.bind(store);
  const keyOf = (bucket: string, key: string) => store.getResourcePath(bucket, key, 'object');

  store.getObject = (bucket, key, options) =>
    keys.run(keyOf(bucket, key), () => getObject(bucket, key, options));
  store.deleteObject = (bucket, key) => keys.run(keyOf(bucket, key), () => deleteObject(bucket, key));
  store.putObject = async (object) => {
    const path = keyOf(object.bucket, object.key);
    await mkdir(dirname(path), { recursive: true });
    const writing = `${path}.${randomUUID()}.writing`;
    try {
      const { size, md5 } = await written(writing, object.content);
      await keys.run(path, async () => {
        await rename(writing, path);
        await store.putMetadata(object.bucket, object.key, object.metadata, md5);
      });
      return { size, md5 };
    } finally {
      await rm(writing, { force: true });
    }
  };
}
