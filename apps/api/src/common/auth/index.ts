export * from './auth.decorators.js';
export * from './principal.js';
