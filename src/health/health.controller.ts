import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { Public } from '../common/auth/auth.decorators';
import { HealthDto } from './health.dto';
import { HealthService } from './health.service';

@ApiTags('Santé')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Liveness: the process answers. For the orchestrator's restart decision; never touches the database. */
  @Get()
  @ApiProblemResponses()
  getLiveness(): HealthDto {
    return this.health.liveness();
  }

  /** Readiness: the database answers. Send traffic only while this is 200; 503 otherwise. */
  @Get('ready')
  @ApiProblemResponses({ 503: 'BASE_DE_DONNEES_INDISPONIBLE' })
  getReadiness(): Promise<HealthDto> {
    return this.health.readiness();
  }
}
