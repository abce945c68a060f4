import { Option, type Command } from 'commander';
import type { Lang } from '../../engine/messages.js';
import { displayWidth } from '../../report/width.js';
import { WORDS } from '../../report/words.js';
import { RULES } from '../../rules/index.js';
import type { Rule } from '../../rules/types.js';
import { SET_RULES } from '../../sets/rules/index.js';
import type { SetRule } from '../../sets/rules/types.js';
import { findConfig, readConfig } from '../config-lookup.js';
import { EXIT, type CommandContext } from '../io.js';
import { words } from '../words.js';

interface RulesFlags {
  lang: Lang;
  format: 'text' | 'json';
  config?: string | false;
}

const HEAD = {
  zh: ['规则', '名称', '默认级别', '标签'],
  en: ['Rule', 'Title', 'Default severity', 'Tags'],
} as const;

/** The tag of the rules across documents (docs/sets.md): they read two documents' digests, no table of their own. */
const ACROSS = 'across-documents';

/** The registry as data: what `zjs rules --format json` prints; the rules across documents last. */
export function rulesList(lang: Lang, rules: readonly Rule[] = RULES, across: readonly SetRule[] = SET_RULES) {
  return [
    ...rules.map((r) => ({
      id: r.meta.id,
      title: r.meta.title[lang],
      severity: r.meta.severity,
      tags: [...r.meta.tags] as string[],
      tables: [...r.meta.tables] as string[],
      docs: r.meta.tags.includes('user') ? null : `docs/rules/${r.meta.id}.md`,
      // A finding's messageId names one of these; its params fill the {name} placeholders.
      messages: Object.fromEntries(Object.entries(r.meta.messages).map(([id, m]) => [id, m[lang]])),
    })),
    ...across.map((r) => ({
      id: r.id,
      title: r.title[lang],
      severity: r.severity,
      tags: [ACROSS],
      tables: [] as string[],
      docs: `docs/rules/${r.id}.md`,
      // Each finding across documents carries its whole message in `detail` (messageId `set`).
      messages: { set: '{detail}' },
    })),
  ];
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** One line per rule, columns aligned for CJK titles. */
function rulesTable(lang: Lang, rules: readonly Rule[]): string {
  const rows = rulesList(lang, rules).map((r) => [r.id, r.title, WORDS[lang].severity[r.severity], r.tags.join(', ')]);
  const head = [...HEAD[lang]];
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0))).join('  ').trimEnd();
  return `${[line(head), line(widths.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n')}\n`;
}

/** `zjs rules`: every rule of the registry, then the rules across documents, with title, default severity and tags. */
export function registerRules(program: Command, { io, setCode, help }: CommandContext): void {
  program
    .command('rules')
    .description(help.rules.description)
    .addOption(new Option('-f, --format <format>', help.rules.format).choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', help.lang).choices(['zh', 'en']).default('zh'))
    .option('--config <file>', help.config)
    .option('--no-config', help.noConfig)
    .action(async (flags: RulesFlags) => {
      // The config's own rules (审核公式) are listed beside the built-in ones.
      const file = typeof flags.config === 'string' ? flags.config : flags.config === false ? null : await findConfig('.');
      let rules: readonly Rule[] = RULES;
      if (file !== null) {
        const read = await readConfig(file);
        if (!read.ok) {
          io.stderr(`zjs: ${words(flags.lang).config}: ${read.file}${read.line !== null ? `:${read.line}` : ''}: ${read.message}\n`);
          setCode(EXIT.failure);
          return;
        }
        rules = [...RULES, ...(read.config.user?.rules ?? [])];
      }
      io.stdout(flags.format === 'json' ? `${JSON.stringify(rulesList(flags.lang, rules), null, 2)}\n` : rulesTable(flags.lang, rules));
      setCode(0);
    });
}
