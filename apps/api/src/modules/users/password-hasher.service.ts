import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';

/** argon2id hashing with the configured cost (lowered only in tests; production enforces a floor). */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    const { memoryKib, timeCost, parallelism } = this.config.passwordHashing;
    return argon2.hash(password, { type: argon2.argon2id, memoryCost: memoryKib, timeCost, parallelism });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    // Unknown users cost the same as known ones, so timing does not reveal which emails exist.
    this.dummyHash ??= this.hash('amicus-timing-equaliser');
    const target = hash ?? (await this.dummyHash);
    try {
      const ok = await argon2.verify(target, password);
      return hash !== null && ok;
    } catch {
      return false;
    }
  }
}
