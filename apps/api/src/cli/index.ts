export { runApiCommand } from './api-command.js';
export type { CommandIo } from './api-command.js';
