import { Injectable } from '@nestjs/common';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Clock } from '../common/clock/clock';
import { ServiceUnavailable } from '../common/errors/domain-errors';
import { HealthDto } from './health.dto';

const DATABASE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly clock: Clock,
  ) {}

  liveness(): HealthDto {
    return { status: 'ok', time: this.clock.now().toISOString(), uptimeSeconds: Math.round(process.uptime()) };
  }

  async readiness(): Promise<HealthDto> {
    try {
      const result = await this.health.check([() => this.database.pingCheck('database', { timeout: DATABASE_TIMEOUT_MS })]);
      return { ...this.liveness(), checks: result.details as HealthDto['checks'] };
    } catch {
      throw new ServiceUnavailable(
        'BASE_DE_DONNEES_INDISPONIBLE',
        'La base de données ne répond pas : le service ne peut pas traiter de requêtes pour le moment.',
      );
    }
  }
}
