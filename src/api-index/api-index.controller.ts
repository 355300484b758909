import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { Public } from '../common/auth/auth.decorators';
import { AppConfig, appConfig } from '../config';
import { apiIndex } from './api-index';
import { ApiIndexDto } from './api-index.dto';

@ApiTags('Accueil')
@Public()
@Controller()
export class ApiIndexController {
  constructor(@Inject(appConfig.KEY) private readonly app: AppConfig) {}

  /** Where to start: the API's name and version, and links to its documentation and health checks. */
  @Get()
  @ApiProblemResponses()
  getIndex(): ApiIndexDto {
    return apiIndex(this.app.apiPublicUrl);
  }
}
