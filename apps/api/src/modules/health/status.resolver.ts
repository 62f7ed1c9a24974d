import { Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { readModelManifest } from '@amicus/inference';
import { DataSource } from 'typeorm';
import { Roles } from '../../common/auth/auth.decorators.js';
import { JobsService } from '../jobs/jobs.service.js';
import { ModelProvider } from '../summaries/model.provider.js';
import { UserRole } from '../users/user.entity.js';
import { SystemStatusType } from './dto/system-status.type.js';

@Resolver(() => SystemStatusType)
export class StatusResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly model: ModelProvider,
    private readonly jobs: JobsService,
  ) {}

  @Query(() => SystemStatusType, { description: 'Readiness, the installed model and the job queue (admins).' })
  @Roles(UserRole.ADMIN)
  async systemStatus(): Promise<SystemStatusType> {
    const ready = await this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    const manifest = await this.model.dir().then((dir) => readModelManifest(dir)).then(
      ({ manifest: m, sha256 }) => ({ model: { name: m.name, version: m.version, sha256 }, modelError: null }),
      (error: unknown) => ({ model: null, modelError: error instanceof Error ? error.message : String(error) }),
    );
    return { ready, ...manifest, modelState: this.model.state, queue: ready ? await this.jobs.queueDepth() : [] };
  }
}
