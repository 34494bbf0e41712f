const SLASH = 0x2f;
const HYPHEN = 0x2d;
const DOT = 0x2e;

/** 0, 1 or 2 for `/`, `-` or `.` at `at` when the same separator stands three characters on; else -1. */
function separatorAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code !== text.charCodeAt(at + 3)) return -1;
  return code === SLASH ? 0 : code === HYPHEN ? 1 : code === DOT ? 2 : -1;
}

/**
 * A small integer naming the date as written from `from` to `to`, when it is written plainly —
 * `dd/mm/yyyy` or `yyyy-mm-dd`, ten characters, two equal separators among `/`, `-` and `.` — or -1
 * for anything else. Two such texts get the same number only if they are the same text, so a memo
 * of dates can be keyed by it without cutting a string out of each line.
 */
export function plainDateKey(text: string, from: number, to: number): number {
  if (to - from !== 10) return -1;
  const dayFirst = separatorAt(text, from + 2);
  const yearFirst = dayFirst === -1 ? separatorAt(text, from + 4) : -1;
  if (dayFirst === -1 && yearFirst === -1) return -1;
  const first = from + (dayFirst === -1 ? 4 : 2);
  let digits = 0;
  for (let at = from; at < to; at++) {
    if (at === first || at === first + 3) continue;
    const digit = text.charCodeAt(at) - 0x30;
    if (!(digit >= 0 && digit <= 9)) return -1;
    digits = digits * 10 + digit;
  }
  // Eight digits, then the layout and the separator: at most 799 999 999, a small integer.
  return digits * 8 + (dayFirst === -1 ? 4 + yearFirst : dayFirst);
}
