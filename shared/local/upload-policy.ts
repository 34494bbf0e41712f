/**
 * The policy of a presigned POST, checked as S3 checks it, since the emulator checks none: the form
 * still valid, each `eq`, `starts-with` and exact condition met by its field, and the file's size
 * range, which the proxy enforces while it streams the file.
 */
export type PolicyCheck =
  | { readonly refusal: string }
  | { readonly refusal?: undefined; readonly minBytes: number; readonly maxBytes: number };

const EXPIRED = 'The upload form has expired: ask for a new one';
const BROKEN = 'The upload form has no readable policy';

function fieldText(fields: ReadonlyMap<string, Buffer>, name: string): string | undefined {
  return fields.get(name.toLowerCase())?.toString('utf8');
}

export function checkUploadPolicy(fields: ReadonlyMap<string, Buffer>, now: Date): PolicyCheck {
  let policy: { expiration?: unknown; conditions?: unknown };
  try {
    policy = JSON.parse(Buffer.from(fieldText(fields, 'policy') ?? '', 'base64').toString('utf8'));
  } catch {
    return { refusal: BROKEN };
  }
  if (typeof policy?.expiration !== 'string' || !Array.isArray(policy.conditions)) return { refusal: BROKEN };
  const expiresAt = Date.parse(policy.expiration);
  if (!(expiresAt > now.getTime())) return { refusal: EXPIRED };
  let size = { minBytes: 0, maxBytes: Number.POSITIVE_INFINITY };
  for (const condition of policy.conditions as unknown[]) {
    if (Array.isArray(condition)) {
      const [operator, name, value] = condition as [unknown, unknown, unknown];
      if (operator === 'content-length-range') {
        size = { minBytes: Number(name), maxBytes: Number(value) };
        continue;
      }
      const field = typeof name === 'string' ? fieldText(fields, name.replace(/^\$/, '')) : undefined;
      const met =
        (operator === 'eq' && field === value) ||
        (operator === 'starts-with' && typeof value === 'string' && field?.startsWith(value) === true);
      if (!met) return { refusal: `The upload form does not meet its policy (${String(name)})` };
    } else if (condition !== null && typeof condition === 'object') {
      // `{bucket: …}` names where the form posts, which the route decides; the others are fields.
      for (const [name, value] of Object.entries(condition)) {
        if (name !== 'bucket' && fieldText(fields, name) !== value) {
          return { refusal: `The upload form does not meet its policy (${name})` };
        }
      }
    }
  }
  return size;
}
