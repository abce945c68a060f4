import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { RULES } from '../rules/index.js';

const ruleIds = new Set(RULES.map((r) => r.meta.id));

/** `zjs.config.json`: per-rule severity, tolerance, and the 人员经费/公用经费 classes. */
export const ConfigSchema = z.strictObject({
  $schema: z.optional(z.string()),
  severity: z.optional(
    z.record(z.string(), z.enum(['error', 'warning', 'info', 'off'])).check(
      z.refine((map) => Object.keys(map).every((id) => ruleIds.has(id)), { message: 'unknown rule id (see `zjs rules`)' }),
    ),
  ),
  tolerance: z.optional(z.enum(['interval', 'exact'])),
  lang: z.optional(z.enum(['zh', 'en'])),
  personnelClasses: z.optional(z.array(z.string().check(z.regex(/^3\d\d$/)))),
  publicClasses: z.optional(z.array(z.string().check(z.regex(/^3\d\d$/)))),
});

export type Config = z.infer<typeof ConfigSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; file: string; line: number | null; message: string };

/** Reads and validates a config file; problems come back as one line each. */
export async function readConfig(file: string): Promise<ConfigResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, file, line: null, message: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const pos = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = pos ? text.slice(0, Number(pos)).split('\n').length : null;
    return { ok: false, file, line, message: 'invalid JSON' };
  }
  const parsed = ConfigSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, file, line: null, message: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, config: parsed.data };
}
