import { Command, CommanderError } from 'commander';
import { visibleControls } from '../report/controls.js';
import { VERSION } from '../version.js';
import { registerCheck } from './commands/check.js';
import { HELP, helpLang } from './help.js';
import { registerClaims } from './commands/claims.js';
import { registerExplain } from './commands/explain.js';
import { registerImport } from './commands/import.js';
import { registerRules } from './commands/rules.js';
import { EXIT, type CommandContext, type Io } from './io.js';

export { EXIT, processIo, type Io } from './io.js';

/** The commands, each in its own module under commands/. */
const COMMANDS: ReadonlyArray<(program: Command, ctx: CommandContext) => void> = [registerCheck, registerClaims, registerExplain, registerImport, registerRules];

function program(ctx: CommandContext): Command {
  const zjs = new Command('zjs')
    .description(ctx.help.program)
    .version(VERSION, '-V, --version', ctx.help.version)
    .helpOption('-h, --help', ctx.help.help)
    .helpCommand('help [command]', ctx.help.helpCommand)
    .exitOverride()
    // A usage error is one line, like every other input error; --help shows the usage.
    .configureOutput({
      writeOut: ctx.io.stdout,
      writeErr: ctx.io.stderr,
      outputError: (message, write) => write(`zjs: ${message.trim().replace(/^error: /, '')} (zjs --help)\n`),
    });
  for (const register of COMMANDS) register(zjs, ctx);
  for (const command of zjs.commands) command.helpOption('-h, --help', ctx.help.help);
  return zjs;
}

/** Runs the command line; returns the exit code. Bad input never throws out of here. */
export async function main(argv: readonly string[], given: Io): Promise<number> {
  let code: number = EXIT.ok;
  // Error lines quote file names and document text: control characters are shown, never acted on.
  const io: Io = { ...given, stderr: (text) => given.stderr(visibleControls(text, { lines: true })) };
  const zjs = program({
    io,
    help: HELP[helpLang(argv)],
    setCode: (c) => {
      code = c;
    },
  });
  try {
    await zjs.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    // Help and version end in 0; every usage error (and help shown for a missing command) in 2.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.failure;
    throw error;
  }
  return code;
}
