import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { DocumentSource } from '../load/index.js';
import type { InputFile, RunInfo } from '../report/model.js';
import { sourceFiles } from './session.js';

async function hashFile(path: string): Promise<InputFile | null> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(path)) {
      const buf = chunk as Buffer;
      bytes += buf.length;
      hash.update(buf);
    }
  } catch {
    // A file that cannot be read again is left off the list; its document is reported unreadable.
    return null;
  }
  return { path, bytes, sha256: hash.digest('hex') };
}

/** The run as the report's cover states it: date, inputs, settings, and the SHA-256 of every file read. */
export async function runInfo(date: Date, inputs: readonly string[], sources: readonly DocumentSource[], settings: RunInfo['settings']): Promise<RunInfo> {
  const files: InputFile[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    for (const file of sourceFiles(source)) {
      if (seen.has(file)) continue;
      seen.add(file);
      const hashed = await hashFile(file);
      if (hashed) files.push(hashed);
    }
  }
  return { date: date.toISOString(), inputs: [...inputs], settings: [...settings], files };
}
