import { Injectable } from '@nestjs/common';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Clock } from '../common/clock/clock';
import { baseIndisponible } from '../common/errors/domain-errors';
import { Antivirus } from '../pieces/antivirus/antivirus.service';
import { FileStorage } from '../pieces/storage/file-storage';
import { HealthDto } from './health.dto';

const DATABASE_TIMEOUT_MS = 2000;
const CLAMAV_TIMEOUT_MS = 2000;
const STOCKAGE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly clock: Clock,
    private readonly antivirus: Antivirus,
    private readonly stockage: FileStorage,
  ) {}

  liveness(): HealthDto {
    return { status: 'ok', time: this.clock.now().toISOString(), uptimeSeconds: Math.round(process.uptime()) };
  }

  /**
   * The database decides readiness. The file storage (its folder, or its bucket) and clamd, when configured, are only
   * shown: without them pièces answer 503 but every other route works, so taking the instance out of service would
   * make a partial outage a total one.
   */
  async readiness(): Promise<HealthDto> {
    try {
      const [result, stockage, clamav] = await Promise.all([
        this.health.check([() => this.database.pingCheck('database', { timeout: DATABASE_TIMEOUT_MS })]),
        this.stockage.etat(STOCKAGE_TIMEOUT_MS),
        this.antivirus.etat(CLAMAV_TIMEOUT_MS),
      ]);
      return { ...this.liveness(), checks: { ...(result.details as HealthDto['checks']), stockage, ...(clamav ? { clamav } : {}) } };
    } catch {
      // The same answer as any request meeting the outage: one code, one wording, a Retry-After.
      throw baseIndisponible();
    }
  }
}
