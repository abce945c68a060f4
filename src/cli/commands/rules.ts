import { Option, type Command } from 'commander';
import type { Lang } from '../../engine/messages.js';
import { displayWidth } from '../../report/width.js';
import { WORDS } from '../../report/words.js';
import { RULES } from '../../rules/index.js';
import type { CommandContext } from '../io.js';

interface RulesFlags {
  lang: Lang;
  format: 'text' | 'json';
}

const HEAD = {
  zh: ['规则', '名称', '默认级别', '标签'],
  en: ['Rule', 'Title', 'Default severity', 'Tags'],
} as const;

/** The registry as data: what `zjs rules --format json` prints. */
export function rulesList(lang: Lang) {
  return RULES.map((r) => ({
    id: r.meta.id,
    title: r.meta.title[lang],
    severity: r.meta.severity,
    tags: [...r.meta.tags],
    tables: [...r.meta.tables],
    docs: `docs/rules/${r.meta.id}.md`,
    // A finding's messageId names one of these; its params fill the {name} placeholders.
    messages: Object.fromEntries(Object.entries(r.meta.messages).map(([id, m]) => [id, m[lang]])),
  }));
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** One line per rule, columns aligned for CJK titles. */
function rulesTable(lang: Lang): string {
  const rows = RULES.map((r) => [r.meta.id, r.meta.title[lang], WORDS[lang].severity[r.meta.severity], r.meta.tags.join(', ')]);
  const head = [...HEAD[lang]];
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0))).join('  ').trimEnd();
  return `${[line(head), line(widths.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n')}\n`;
}

/** `zjs rules`: every rule of the registry with its title, default severity and tags. */
export function registerRules(program: Command, { io, setCode, help }: CommandContext): void {
  program
    .command('rules')
    .description(help.rules.description)
    .addOption(new Option('-f, --format <format>', help.rules.format).choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', help.lang).choices(['zh', 'en']).default('zh'))
    .action((flags: RulesFlags) => {
      io.stdout(flags.format === 'json' ? `${JSON.stringify(rulesList(flags.lang), null, 2)}\n` : rulesTable(flags.lang));
      setCode(0);
    });
}
