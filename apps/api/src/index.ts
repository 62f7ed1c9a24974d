// Public entry of @amicus/api for tests, tools and other packages.
export { createApp } from './app.factory.js';
export type { CreateAppOptions } from './app.factory.js';
export { AppModule } from './app.module.js';
export * from './config/index.js';
export { runApiCommand } from './cli/index.js';
