import { Tokenizer, TokenParser, TokenType } from '@streamparser/json';
import type { JsonRecord } from '../domain/decp/decp-json-core.ts';
import { UnreadableFileError } from '../ports/file-reader.ts';
import { MAX_JSON_DEPTH, MAX_JSON_RECORD_CHARS } from './input-limits.ts';

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

const OPENING: ReadonlySet<TokenType> = new Set([TokenType.LEFT_BRACE, TokenType.LEFT_BRACKET]);
const CLOSING: ReadonlySet<TokenType> = new Set([TokenType.RIGHT_BRACE, TokenType.RIGHT_BRACKET]);

/**
 * Streams the contract objects out of a DECP JSON file without holding the file: only the
 * contract being parsed is in memory. Numbers are kept as their source text, so amounts stay exact.
 * Nesting deeper than `MAX_JSON_DEPTH`, or more than `MAX_JSON_RECORD_CHARS` of text without a
 * contract completing, rejects the file before such a value is ever built.
 */
export async function* decpJsonRecords(
  text: AsyncIterable<string>,
  version: 'v1' | 'v2',
): AsyncGenerator<readonly JsonRecord[]> {
  const tokenizer = new NumbersAsText();
  const tokens = new TokenParser({ paths: [...PATHS[version]], keepStack: false });
  let position = 0;
  const after = () => (position > 0 ? ` after contract #${position}` : '');
  let depth = 0;
  tokenizer.onToken = (token) => {
    if (OPENING.has(token.token) && ++depth > MAX_JSON_DEPTH) {
      throw new UnreadableFileError(
        `the JSON nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep${after()}: a DECP file nests 5 or 6`,
      );
    }
    if (CLOSING.has(token.token)) depth--;
    tokens.write(token);
  };
  tokenizer.onEnd = () => {
    if (!tokens.isEnded) tokens.end();
  };
  let batch: JsonRecord[] = [];
  let charsSinceRecord = 0;
  tokens.onValue = ({ value, stack }) => {
    position += 1;
    charsSinceRecord = 0;
    const container = stack[stack.length - 1]?.key;
    batch.push({ position, segment: container === 'contrat-concession' ? 'concession' : 'marche', value });
  };
  try {
    for await (const chunk of text) {
      charsSinceRecord += chunk.length;
      tokenizer.write(chunk);
      if (charsSinceRecord > MAX_JSON_RECORD_CHARS) {
        throw new UnreadableFileError(
          `more than ${MAX_JSON_RECORD_CHARS} characters of JSON without a complete contract${after()}: a DECP contract takes a few thousand`,
        );
      }
      if (batch.length >= RECORDS_PER_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (!tokenizer.isEnded) tokenizer.end();
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(`the JSON is malformed${after()}: ${(error as Error).message}`);
  }
  if (batch.length > 0) yield batch;
}
