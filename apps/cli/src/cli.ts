/**
 * `amicus` command line: a thin layer over the Amicus packages.
 * Commands: summarize (here); admin, audit, backup, restore and model are delegated to the API package (@amicus/api/cli).
 */
import type * as ApiCli from '@amicus/api/cli';
import { runSummarize, SUMMARIZE_USAGE } from './commands/summarize.js';

const USAGE = `Usage: amicus <command> [options]

Commands:
  summarize   summarize court judgments with the shipped model (amicus summarize --help)
  admin       admin create --email EMAIL [--password PASSWORD] [--name NAME]
  audit       audit verify [--json]: check the hash chain of the audit ledger
  backup      backup --out FILE: one archive of the database and stored documents, with sha256 manifest
  restore     restore FILE [--force]: check an archive, restore it, verify the ledger
  model       model list | verify DIR | evaluate DIR [--dev FILE] | activate NAME@VERSION [--force] | rollback

Run "amicus <command> --help" for a command's options.
`;

type Command = (argv: string[], io: { out: (s: string) => void; err: (s: string) => void }) => Promise<number>;

/** admin/audit commands live with the API (database, users, ledger); loaded only when used. */
const delegateToApi =
  (group: string): Command =>
  async (argv, out) => {
    let api: typeof ApiCli;
    try {
      api = await import('@amicus/api/cli');
    } catch (e) {
      out.err(`amicus ${group}: the API package is not built (${e instanceof Error ? e.message : String(e)}); run \`npm run build\`\n`);
      return 1;
    }
    return api.runApiCommand([group, ...argv]);
  };

const commands: Record<string, Command> = {
  summarize: runSummarize,
  admin: delegateToApi('admin'),
  audit: delegateToApi('audit'),
  backup: delegateToApi('backup'),
  restore: delegateToApi('restore'),
  model: delegateToApi('model'),
};

const io = {
  out: (s: string) => void process.stdout.write(s),
  err: (s: string) => void process.stderr.write(s),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`amicus: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const message = e instanceof Error ? e.message : String(e);
    const usage = code === 'USAGE' || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'));
    io.err(`amicus ${name}: ${typeof code === 'string' && !usage ? code + ': ' : ''}${message}\n`);
    if (usage && name === 'summarize') io.err(`\n${SUMMARIZE_USAGE}`);
    return usage || code === 'BAD_CONFIG' ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
