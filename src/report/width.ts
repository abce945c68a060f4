const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Terminal columns a string takes: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, '')) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** Hard-wraps text to `width` terminal columns, so a table cell never truncates a finding. */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const ch of paragraph) {
      const w = WIDE.test(ch) ? 2 : 1;
      if (used + w > width && line !== '') {
        // Latin text breaks at the last space when there is one nearby; CJK breaks anywhere.
        const space = line.lastIndexOf(' ');
        if (ch !== ' ' && space > 0 && line.length - space < 16 && !WIDE.test(line.slice(space + 1))) {
          lines.push(line.slice(0, space));
          line = line.slice(space + 1);
          used = displayWidth(line);
        } else {
          lines.push(line);
          line = '';
          used = 0;
        }
        if (ch === ' ') continue;
      }
      line += ch;
      used += w;
    }
    lines.push(line);
  }
  return lines.join('\n');
}
