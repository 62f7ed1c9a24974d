export * from './app-config.js';
export * from './config.loader.js';
export * from './config.module.js';
