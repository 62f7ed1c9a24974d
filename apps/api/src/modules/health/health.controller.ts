import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/auth.decorators.js';
import { ModelProvider } from '../summaries/model.provider.js';

interface StatusResponse {
  status(code: number): { json(body: unknown): void };
}

/** Liveness and readiness probes for process supervisors and load balancers. */
@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Liveness: the process is up and serving HTTP. */
  @Public()
  @Get('healthz')
  @HttpCode(HttpStatus.OK)
  healthz(): { status: string } {
    return { status: 'ok' };
  }

  /**
   * Readiness: the database answers. 200 when it does, 503 when it does not. Also reports the
   * summarization model's state (not_loaded until first use, loading, ready, failed); the model is
   * loaded on demand, so its state does not decide readiness.
   */
  @Public()
  @Get('readyz')
  async readyz(@Res() res: StatusResponse): Promise<void> {
    try {
      if (!this.dataSource.isInitialized) throw new Error('database not initialised');
      await this.dataSource.query('SELECT 1');
      res.status(HttpStatus.OK).json({ status: 'ready', database: 'ok', ...this.model() });
    } catch {
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({ status: 'unavailable', database: 'unreachable', ...this.model() });
    }
  }

  private model(): { model?: string } {
    try {
      return { model: this.moduleRef.get(ModelProvider, { strict: false }).state };
    } catch {
      return {};
    }
  }
}
