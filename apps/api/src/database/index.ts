export * from './columns.js';
export * from './data-source-options.js';
export * from './errors.js';
export * from './database.module.js';
export * from './entities.js';
export * from './migrations/index.js';
export * from './migration-columns.js';
export * from './transaction.js';
