import type { Help } from './help.js';

/** Where a progress line is drawn: standard error when it is a terminal. */
export interface ProgressStream {
  isTTY: boolean;
  columns?: number;
  write: (text: string) => boolean;
}

/** What the program may touch of the outside world; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
  columns?: number;
  /** Standard error as a terminal, for the progress line; absent when it is not one. */
  progress?: ProgressStream;
  /** The clock (the run's date and waiver expiry); tests give a fixed one. */
  now?: () => Date;
}

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
    ...(process.stderr.isTTY ? { progress: process.stderr } : {}),
  };
}

/** Exit codes: 0 no error findings, 1 error findings, 2 usage, input, config or internal failure. */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

/** A command registers itself on the program and reports its exit code through `setCode`. */
export interface CommandContext {
  io: Io;
  setCode: (code: number) => void;
  /** The texts of `--help`, in the language the command line asks for. */
  help: Help;
}
