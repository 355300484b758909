import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal, Role } from '../common/auth/roles';
import { ScolariteDto } from './dto/scolarite.dto';
import { ScolariteService } from './scolarite.service';

@ApiTags('Comptes candidats')
@Controller('comptes')
export class ScolariteController {
  constructor(private readonly scolarite: ScolariteService) {}

  /** What the university's student records said of the logged-in candidate at their last CAS login (read-only) */
  @Get('moi/scolarite')
  @Roles(Role.CANDIDAT)
  @ApiProblemResponses({ 404: 'AUCUNE_DONNEE_SCOLARITE' })
  getScolarite(@CurrentPrincipal() principal: Principal): Promise<ScolariteDto> {
    return this.scolarite.mySnapshot(principal);
  }
}
