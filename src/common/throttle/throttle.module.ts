import { Global, Module } from '@nestjs/common';
import { ThrottleGuard } from './throttle.guard';
import { ThrottleService } from './throttle.service';

/** Throttling for any module's routes through @Throttled(); global so the guard resolves wherever it is used. */
@Global()
@Module({
  providers: [ThrottleService, ThrottleGuard],
  exports: [ThrottleService, ThrottleGuard],
})
export class ThrottleModule {}
