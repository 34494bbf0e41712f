/** Cuts a text at the given offsets (taken modulo its length): every chunk boundary must give the same records. */
export function cut(text: string, offsets: readonly number[]): string[] {
  const ends = [...new Set(offsets.map((offset) => offset % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const end of [...ends, text.length]) {
    chunks.push(text.slice(from, end));
    from = end;
  }
  return chunks.filter((chunk) => chunk !== '');
}
