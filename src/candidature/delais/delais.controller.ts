import { ApiRequestExample } from '../../common/api/api-request-example.decorator';
import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CandidatureDto, CandidatureParams } from '../dto/candidature.dto';
import { ApiProblemResponses } from '../../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import { Principal, Role } from '../../common/auth/roles';
import { DelaisCandidatureInput, DelaisCandidaturesDto, DelaisCandidaturesInput } from './delais.dto';
import { DelaisService } from './delais.service';

/** Deadlines of candidatures, one or up to 200 at once: gestionnaires (their centres), scolarité centrale and admin. */
@ApiTags('Candidatures (gestion)')
@Controller('candidatures')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE)
export class DelaisController {
  constructor(private readonly delais: DelaisService) {}

  /** Sets (or, with null, removes) the same deadlines for 1 to 200 candidatures of the caller's scope, all or nothing */
  @Put('dates')
  @ApiOkResponse({ type: DelaisCandidaturesDto })
  @ApiProblemResponses(400, 403, { 404: 'CANDIDATURE_INTROUVABLE', 422: ['DELAI_INVALIDE', 'CANDIDATURE_NON_MODIFIABLE'] })
  @ApiRequestExample({ candidatureIds: [1, 3], dateRetour: '2027-04-30' })
  updateDatesCandidatures(@CurrentPrincipal() principal: Principal, @Body() body: DelaisCandidaturesInput): Promise<DelaisCandidaturesDto> {
    const { candidatureIds, ...dates } = body;
    return this.delais.fixerPour(principal, candidatureIds, dates);
  }

  /** Sets (or, with null, removes) the confirmation and return deadlines of this candidature, over its formation's; answers its récapitulatif */
  @Put(':id/dates')
  @ApiOkResponse({ type: CandidatureDto })
  @ApiProblemResponses(400, 403, { 404: 'CANDIDATURE_INTROUVABLE', 422: 'DELAI_INVALIDE' })
  @ApiRequestExample({ dateRetour: '2027-04-30' }, { id: 1 })
  updateDates(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams, @Body() body: DelaisCandidatureInput): Promise<CandidatureDto> {
    return this.delais.fixer(principal, params.id, body);
  }
}
