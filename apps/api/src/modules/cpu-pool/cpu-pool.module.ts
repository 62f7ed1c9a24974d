import { Module } from '@nestjs/common';
import { CpuPool } from './cpu-pool.service.js';

/** The worker-thread pool for CPU work; feature modules import it and inject `CpuPool`. */
@Module({
  providers: [CpuPool],
  exports: [CpuPool],
})
export class CpuPoolModule {}
