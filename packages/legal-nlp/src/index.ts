export * from './segment/index.js';
export * from './extract/index.js';
export * from './entities/index.js';
export * from './brief/index.js';
export * from './structure/index.js';
