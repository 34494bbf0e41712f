import { createRequire } from 'node:module';

interface IteratorPrototype {
  close(): Promise<void>;
  return?: () => Promise<IteratorResult<undefined>>;
}

const ITERATOR_CLASSES = ['AbstractIterator', 'AbstractKeyIterator', 'AbstractValueIterator'] as const;

/**
 * dynalite 4 reads each Query and Scan through a stream over a level iterator and, when the stream
 * ends or is destroyed, closes the iterator with `iterator.return()`. abstract-level 3's iterators
 * have no `return()` (they close with `close()`), so every Query and Scan left an open iterator
 * behind, held by the database until it closes, with its read-ahead buffers: tens of kilobytes per
 * API call, which `ancrage serve` kept for good (hundreds of megabytes over a working session).
 * Giving the iterators the `return()` dynalite calls closes them. Idempotent; a version of
 * abstract-level that has its own `return()` is left as it is.
 */
export function closeDynaliteIterators(): void {
  for (const level of abstractLevelsOfDynalite()) {
    for (const name of ITERATOR_CLASSES) {
      const prototype = (level[name] as { prototype?: IteratorPrototype } | undefined)?.prototype;
      if (typeof prototype?.close !== 'function') {
        throw new Error(`abstract-level has no ${name}.close(): check the dynalite iterator fix against it`);
      }
      if (prototype.return) continue;
      Object.defineProperty(prototype, 'return', {
        configurable: true,
        writable: true,
        value: async function closeIterator(this: IteratorPrototype): Promise<IteratorResult<undefined>> {
          await this.close();
          return { done: true, value: undefined };
        },
      });
    }
  }
}

/** The abstract-level of each store dynalite uses (in memory; on disk with a state folder). */
function abstractLevelsOfDynalite(): Record<string, unknown>[] {
  const requireFrom = (path: string) => createRequire(path);
  const dynalite = requireFrom(createRequire(import.meta.url).resolve('dynalite'));
  const memoryLevel = requireFrom(dynalite.resolve('memory-level'));
  const classicLevel = requireFrom(requireFrom(dynalite.resolve('level')).resolve('classic-level'));
  return [memoryLevel, classicLevel].map((store) => store('abstract-level') as Record<string, unknown>);
}
