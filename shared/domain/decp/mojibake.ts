/**
 * UTF-8 text decoded as Latin-1 somewhere upstream ("SociÃ©tÃ©", "â€™"): common in DECP files
 * aggregated from many buyer profiles. The text is kept as published and the line is flagged.
 */
const MOJIBAKE = /Ã[\u0080-\u00BF]|Â[\u00A0-\u00BF]|â€[\u0080-\u00BF™œ"]/;

export function looksLikeMojibake(text: string | undefined): boolean {
  return text !== undefined && MOJIBAKE.test(text);
}
