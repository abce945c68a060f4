/**
 * A finding key made of the text it quotes: the match with up to `around` characters either side,
 * spaces removed (`以前[XX]局`). It survives moved lines, a moved file and edits elsewhere; two
 * equal quotes in one document are told apart by the engine's `#2`.
 */
export function quoteKey(text: string, index: number, length: number, around = 8): string {
  const squeeze = (s: string) => [...s.replace(/\s+/g, '')];
  const before = squeeze(text.slice(Math.max(0, index - 4 * around), index)).slice(-around).join('');
  const after = squeeze(text.slice(index + length, index + length + 4 * around)).slice(0, around).join('');
  return `${before}[${text.slice(index, index + length)}]${after}`;
}

/**
 * The text around a match, as a finding quotes it: the whole line when it is short, else up to
 * `around` characters either side with “…” where it was cut. A finding's size stays bounded
 * however long the line, so a line of ten thousand slips gives a report ten thousand times one
 * finding, never the square of its length.
 */
export function quoteAround(text: string, index: number, length: number, around = 40): string {
  const trimmed = text.trim();
  if (trimmed.length <= 2 * around + length) return trimmed;
  const from = Math.max(0, index - around);
  const to = Math.min(text.length, index + length + around);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}
