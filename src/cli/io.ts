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

/**
 * A process stream that stops writing, quietly, once its reader has gone (`zjs check … | head`):
 * EPIPE is not an error of the run, whose exit code stays that of the complete output. Any other
 * write error is named once on standard error.
 */
function writer(stream: NodeJS.WriteStream, name: string): (text: string) => void {
  let closed = false;
  const stop = (error: NodeJS.ErrnoException): void => {
    if (closed) return;
    closed = true;
    if (error.code !== 'EPIPE' && stream !== process.stderr) process.stderr.write(`zjs: ${name}: ${error.code ?? error.message}\n`);
  };
  stream.on('error', stop);
  return (text) => {
    if (closed) return;
    try {
      stream.write(text);
    } catch (error) {
      stop(error as NodeJS.ErrnoException);
    }
  };
}

export function processIo(): Io {
  return {
    stdout: writer(process.stdout, 'standard output'),
    stderr: writer(process.stderr, 'standard error'),
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
