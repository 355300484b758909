import { ApiRequestExample } from '../../common/api/api-request-example.decorator';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import { Principal, Role } from '../../common/auth/roles';
import { SelectionCandidatures } from '../dto/selection-candidatures.dto';
import { TypeTraitementInput, TypeTraitementResultatDto } from './type-traitement.dto';
import { TypeTraitementService } from './type-traitement.service';

/** Type de traitement of candidatures: set, then validate (AD gives the favourable decision). */
@ApiTags('Candidatures (gestion)')
@Controller('candidatures/type-traitement')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE)
export class TypeTraitementController {
  constructor(private readonly traitements: TypeTraitementService) {}

  /** Sets the type de traitement of 1 to 200 candidatures without a validated avis (AC is validated at once) */
  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: TypeTraitementResultatDto })
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE', 422: ['AVIS_DEJA_VALIDE', 'CANDIDATURE_NON_MODIFIABLE'] })
  @ApiRequestExample({ candidatureIds: [4], typeTraitement: 'AT' })
  updateTypeTraitement(@CurrentPrincipal() principal: Principal, @Body() body: TypeTraitementInput): Promise<TypeTraitementResultatDto> {
    return this.traitements.changer(principal, body.candidatureIds, body.typeTraitement);
  }

  /** Validates the type de traitement of 1 to 200 candidatures: AD gives the favourable decision, AC and AT are mailed */
  @Post('validation')
  @HttpCode(200)
  @ApiOkResponse({ type: TypeTraitementResultatDto })
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE', 422: 'TYPE_TRAITEMENT_DEJA_VALIDE' })
  @ApiRequestExample({ candidatureIds: [4] })
  validateTypeTraitement(@CurrentPrincipal() principal: Principal, @Body() body: SelectionCandidatures): Promise<TypeTraitementResultatDto> {
    return this.traitements.valider(principal, body.candidatureIds);
  }
}
