import { readFile } from 'node:fs/promises';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type * as z from 'zod/mini';

/** A file that could not be used: one line names it, the line when known, and the problem. */
export interface FileProblem {
  file: string;
  line: number | null;
  message: string;
}

export type JsonRead<T> = { ok: true; value: T } | ({ ok: false } & FileProblem);

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** The problem a schema issue names, with its place in the file: an unknown key by its name. */
function issueText(issue: z.core.$ZodIssue): string {
  const path = issuePath(issue.path);
  const message = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `“${k}”`).join(', ')}` : issue.message;
  if (path === '') return issue.code === 'unrecognized_keys' ? message : `(root): ${message}`;
  return `${path}: ${message}`;
}

/** Where in the file an issue points: the unknown key itself, else the value at its path (or its nearest parent). */
function issueNode(root: Node, issue: z.core.$ZodIssue): Node | undefined {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (!node) continue;
    if (issue.code === 'unrecognized_keys' && n === path.length && node.type === 'object') {
      const key = node.children?.find((p) => p.children?.[0]?.value === issue.keys[0])?.children?.[0];
      if (key) return key;
    }
    return node;
  }
  return undefined;
}

/**
 * Reads a JSON file as people write them (JSONC: comments, trailing commas, a byte-order mark) and
 * validates it. The one reader of config, waiver and baseline files: every problem is one line with
 * the file and, where it can be placed, the line.
 */
export async function readJsonFile<T>(file: string, schema: z.ZodMiniType<T>): Promise<JsonRead<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, file, line: null, message: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
  }
  // A BOM counts as no character, so that lines and offsets stay those an editor shows.
  if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const first = errors[0];
  if (first || !root) {
    return { ok: false, file, line: first ? lineAt(text, first.offset) : null, message: `invalid JSON (${first ? printParseErrorCode(first.error) : 'empty'})` };
  }
  const parsed = schema.safeParse(nodeValue(root));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) return { ok: false, file, line: null, message: 'invalid' };
    const node = issueNode(root, issue);
    return { ok: false, file, line: node ? lineAt(text, node.offset) : null, message: issueText(issue) };
  }
  return { ok: true, value: parsed.data };
}

/** The value of a parse tree, built without jsonc-parser's `getNodeValue` so that a key `__proto__` stays data. */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? [];
        if (key && value) Object.defineProperty(out, String(key.value), { value: nodeValue(value), enumerable: true, writable: true, configurable: true });
      }
      return Object.setPrototypeOf(out, Object.prototype) as Record<string, unknown>;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}
