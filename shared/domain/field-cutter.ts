import { MAX_FIELD_LENGTH } from './row-text.ts';

/**
 * Cuts text values at `MAX_FIELD_LENGTH` and remembers whether it cut one: the caller flags the line
 * `value-truncated`. An over-long value is a defect of that value, not of the spend, and nothing
 * stored per line may approach DynamoDB's 400 KB item limit.
 */
export class FieldCutter {
  truncated = false;

  cut<T extends string | undefined>(value: T): T {
    if (value === undefined || value.length <= MAX_FIELD_LENGTH) return value;
    this.truncated = true;
    return value.slice(0, MAX_FIELD_LENGTH) as T;
  }
}
