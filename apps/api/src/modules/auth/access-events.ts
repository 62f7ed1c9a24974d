import { EventEmitter } from 'node:events';
import { Global, Injectable, Module } from '@nestjs/common';

/**
 * Signals, inside one process, that someone's access may have shrunk: a session ended, a password
 * changed, a user was deactivated or changed, a case was sealed or an assignment removed. Open
 * subscriptions listen and re-check their caller at once; every event they deliver is re-checked
 * too, which covers changes made by other processes.
 */
@Injectable()
export class AccessEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  /** Access may have changed (for `userId`, or for anyone when omitted). */
  changed(userId?: string): void {
    this.emitter.emit('changed', userId);
  }

  /** Calls `listener` on every change; returns the function that stops listening. */
  onChange(listener: (userId: string | undefined) => void): () => void {
    this.emitter.on('changed', listener);
    return () => this.emitter.off('changed', listener);
  }
}

/** Provides AccessEvents to every module. */
@Global()
@Module({ providers: [AccessEvents], exports: [AccessEvents] })
export class AccessEventsModule {}
