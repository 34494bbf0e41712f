const MAX_FIELDS = 8;

/**
 * What a refused event looks like, bounded, for its log line: its type and its first fields' names
 * — never its values, which may be anything, of any size.
 */
export function shapeOf(event: unknown): string {
  if (event === null || typeof event !== 'object') return `it is ${event === null ? 'null' : typeof event}`;
  if (Array.isArray(event)) return `it is an array of ${event.length}`;
  const fields = Object.keys(event);
  const named = fields.slice(0, MAX_FIELDS).map((field) => JSON.stringify(field.slice(0, 40)));
  const more = fields.length > MAX_FIELDS ? `, and ${fields.length - MAX_FIELDS} more` : '';
  return fields.length === 0 ? 'it is an empty object' : `its fields are ${named.join(', ')}${more}`;
}
