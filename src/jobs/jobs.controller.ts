import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { Roles } from '../common/auth/auth.decorators';
import { Role } from '../common/auth/roles';
import { JobDto, JobRunDto } from './dto/job.dto';
import { JobsService } from './jobs.service';

@ApiTags('Administration')
@Roles(Role.ADMIN)
@Controller('admin/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  /** Scheduled jobs with their latest run */
  @Get()
  listJobs(): Promise<JobDto[]> {
    return this.jobs.list();
  }

  /** Runs a job now, on this instance, and answers with the recorded run */
  @Post(':name/run')
  @HttpCode(200)
  @ApiProblemResponses({ 404: 'JOB_INCONNU', 409: 'JOB_DEJA_EN_COURS' })
  runJob(@Param('name') name: string): Promise<JobRunDto> {
    return this.jobs.runNow(name);
  }
}
