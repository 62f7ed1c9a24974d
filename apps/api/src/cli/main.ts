// `node dist/cli/main.js admin create --email E [--password P] [--name N]`
import { runApiCommand } from './api-command.js';

process.exitCode = await runApiCommand(process.argv.slice(2));
