export * from './graphql-context.js';
export * from './local-date.scalar.js';
export * from './query-limits.plugin.js';
export * from './request-loaders.js';
