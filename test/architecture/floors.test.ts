import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The floors of docs/architecture.md, lowest first: a module imports only from its own floor or
 * below, so data flows one way (load → model → rules → report) and every floor can be read
 * without the ones above it.
 */
const FLOORS: Record<string, number> = {
  model: 0,
  'version.ts': 0,
  formula: 1,
  templates: 2,
  load: 3,
  narrative: 3,
  export: 3,
  rules: 4,
  engine: 5,
  sets: 5,
  report: 6,
  cli: 7,
  'index.ts': 8,
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const roomOf = (path: string): string => relative('src', path).split(/[\\/]/)[0] ?? '';

describe('the floors of src/', () => {
  const all = files('src');

  it('has a floor for every top-level folder and module, each described in docs/architecture.md', () => {
    const doc = readFileSync('docs/architecture.md', 'utf8');
    for (const room of new Set(all.map(roomOf))) {
      expect(FLOORS[room], `src/${room} has no floor`).toBeDefined();
      expect(doc, `docs/architecture.md does not describe src/${room}`).toContain(`src/${room.replace(/\.ts$/, '')}`);
    }
  });

  it('imports only from the same floor or below', () => {
    const upward: string[] = [];
    for (const file of all) {
      const from = roomOf(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'(\.{1,2}\/[^']+)'/g)) {
        const target = roomOf(relative('.', resolve(dirname(file), m[1] ?? '')));
        if ((FLOORS[target] ?? 0) > (FLOORS[from] ?? 0)) upward.push(`${file} → src/${target}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
