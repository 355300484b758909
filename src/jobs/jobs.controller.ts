import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { ApiRequestExample } from '../common/api/api-request-example.decorator';
import { Roles } from '../common/auth/auth.decorators';
import { Role } from '../common/auth/roles';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { JobDto, JobRunDto, JobRunPage, ReglerJobDto } from './dto/job.dto';
import { JobsService } from './jobs.service';

@ApiTags('Administration')
@Roles(Role.ADMIN)
@Controller('admin/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  /** Scheduled jobs with their settings and latest run */
  @Get()
  listJobs(): Promise<JobDto[]> {
    return this.jobs.list();
  }

  /**
   * Pauses or resumes a job, or replaces its schedule (null: back to the default). Stored in the database: every
   * instance's scheduler follows within 15 seconds, with no restart
   */
  @Put(':name')
  @ApiProblemResponses(400, { 404: 'JOB_INCONNU' })
  @ApiRequestExample({ actif: true, schedule: '0 30 3 * * *' }, { name: 'purge-comptes' })
  updateJob(@Param('name') name: string, @Body() body: ReglerJobDto): Promise<JobDto> {
    return this.jobs.regler(name, body);
  }

  /** A job's recorded runs, latest first (kept 30 days) */
  @Get(':name/runs')
  @ApiProblemResponses(400, { 404: 'JOB_INCONNU' })
  listJobRuns(@Param('name') name: string, @Query() query: PageQueryDto): Promise<JobRunPage> {
    return this.jobs.runs(name, query);
  }

  /** Runs a job now, on this instance, and answers with the recorded run */
  @Post(':name/run')
  @HttpCode(200)
  @ApiProblemResponses({ 404: 'JOB_INCONNU', 409: 'JOB_DEJA_EN_COURS' })
  runJob(@Param('name') name: string): Promise<JobRunDto> {
    return this.jobs.runNow(name);
  }
}
