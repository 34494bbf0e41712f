import { Tokenizer, TokenParser } from '@streamparser/json';
import type { JsonRecord } from '../domain/decp/decp-json-core.ts';
import { UnreadableFileError } from '../ports/file-reader.ts';

const RECORDS_PER_BATCH = 200;

/**
 * The DECP version from the start of the file: `"marches": [` is the 2019 format, `"marches": {` the
 * 2024 one (`{"marches": {"marche": [...], "contrat-concession": [...]}}`).
 */
export function sniffDecpVersion(head: string): 'v1' | 'v2' | undefined {
  const match = /"marches"\s*:\s*([[{])/.exec(head);
  if (!match) return undefined;
  return match[1] === '[' ? 'v1' : 'v2';
}

/** Keeps every JSON number as its source text: `42980.10` must become 4 298 010 cents exactly. */
class NumbersAsText extends Tokenizer {
  protected override parseNumber(numberText: string): number {
    // The tokenizer only hands the value on; the string reaches the contract reader intact.
    return numberText as unknown as number;
  }
}

const PATHS = { v1: ['$.marches.*'], v2: ['$.marches.marche.*', '$.marches.contrat-concession.*'] } as const;

/**
 * Streams the contract objects out of a DECP JSON file without holding the file: only the
 * contract being parsed is in memory. Numbers are kept as their source text, so amounts stay exact.
 */
export async function* decpJsonRecords(
  text: AsyncIterable<string>,
  version: 'v1' | 'v2',
): AsyncGenerator<readonly JsonRecord[]> {
  const tokenizer = new NumbersAsText();
  const tokens = new TokenParser({ paths: [...PATHS[version]], keepStack: false });
  tokenizer.onToken = tokens.write.bind(tokens);
  tokenizer.onEnd = () => {
    if (!tokens.isEnded) tokens.end();
  };
  let position = 0;
  let batch: JsonRecord[] = [];
  tokens.onValue = ({ value, stack }) => {
    position += 1;
    const container = stack[stack.length - 1]?.key;
    batch.push({ position, segment: container === 'contrat-concession' ? 'concession' : 'marche', value });
  };
  try {
    for await (const chunk of text) {
      tokenizer.write(chunk);
      if (batch.length >= RECORDS_PER_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (!tokenizer.isEnded) tokenizer.end();
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    const where = position > 0 ? ` after contract #${position}` : '';
    throw new UnreadableFileError(`the JSON is malformed${where}: ${(error as Error).message}`);
  }
  if (batch.length > 0) yield batch;
}
