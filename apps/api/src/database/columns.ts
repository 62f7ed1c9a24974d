import type { ValueTransformer } from 'typeorm';

/**
 * A BIGINT column read as a JavaScript number (PostgreSQL returns BIGINT as a string): byte counts,
 * epoch milliseconds. Values stay below 2^53.
 */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};
