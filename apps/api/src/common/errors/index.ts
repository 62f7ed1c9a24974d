export * from './app.exception.js';
export * from './error-code.js';
export * from './graphql-error.mapper.js';
export * from './app-exception.filter.js';
