import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { Roles } from '../common/auth/auth.decorators';
import { Role } from '../common/auth/roles';
import { OpiPage, OpiQueryDto } from './dto/opi.dto';
import { OpiService } from './opi.service';

/** The OPI queue, for the scolarité centrale watching what reached the SI Scol (reference: OPI monitor). */
@ApiTags('OPI')
@Controller('opi')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE)
export class OpiController {
  constructor(private readonly opi: OpiService) {}

  /** Confirmed admissions and withdrawals for the SI Scol, pending or transmitted, newest first */
  @Get()
  @ApiOkResponse({ type: OpiPage })
  @ApiProblemResponses(400)
  listOpi(@Query() query: OpiQueryDto): Promise<OpiPage> {
    return this.opi.liste(query);
  }
}
