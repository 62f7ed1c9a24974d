export * from './auth.decorators.js';
export * from './principal.js';
export * from './roles.js';
