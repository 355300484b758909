import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CandidatureDto, CandidatureParams } from '../dto/candidature.dto';
import { ApiProblemResponses } from '../../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import { Principal, Role } from '../../common/auth/roles';
import { ConfirmationService } from './confirmation.service';

/** The candidate's answer to a favourable decision: both irreversible. */
@ApiTags('Candidatures')
@Controller('candidat/candidatures')
@Roles(Role.CANDIDAT)
export class DecisionCandidatController {
  constructor(private readonly confirmations: ConfirmationService) {}

  /** « Confirmer » a favourable decision before its deadline: gives the OPI code for the inscription */
  @Post(':id/confirmation')
  @HttpCode(200)
  @ApiOkResponse({ type: CandidatureDto })
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE', 422: 'CONFIRMATION_IMPOSSIBLE' })
  confirmCandidature(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<CandidatureDto> {
    return this.confirmations.confirmer(principal, params.id);
  }

  /** « Se désister » of a favourable decision, confirmed or not: the next of the liste complémentaire is admitted */
  @Post(':id/desistement')
  @HttpCode(200)
  @ApiOkResponse({ type: CandidatureDto })
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE', 422: 'DESISTEMENT_IMPOSSIBLE' })
  withdrawCandidature(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<CandidatureDto> {
    return this.confirmations.desister(principal, params.id);
  }
}
