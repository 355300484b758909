import { ApiRequestExample } from '../../common/api/api-request-example.decorator';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CandidatureParams } from '../dto/candidature.dto';
import { ApiProblemResponses } from '../../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import { Principal, Role } from '../../common/auth/roles';
import { SelectionCandidatures } from '../dto/selection-candidatures.dto';
import { AvisDto, MotifAvisDto, SaisieAvisInput } from './avis.dto';
import { AvisService } from './avis.service';
import { TypeDecisionDto } from '../parametrage/parametrage-decisions.dto';
import { ParametrageDecisionsService } from '../parametrage/parametrage-decisions.service';

/** Avis of the commissions: enter (members too), validate (gestionnaires, scolarité), history, delete the latest unvalidated. */
@ApiTags('Avis des commissions')
@Controller('candidatures')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE, Role.COMMISSION)
export class AvisController {
  constructor(
    private readonly avis: AvisService,
    private readonly parametrage: ParametrageDecisionsService,
  ) {}

  /** The motifs a défavorable avis may give */
  @Get('motifs-avis')
  @ApiOkResponse({ type: [MotifAvisDto] })
  listMotifsAvis(): Promise<MotifAvisDto[]> {
    return this.avis.motifs();
  }

  /** The types de décision (an avis names an active one), with their rules: the models first, one a family */
  @Get('types-decision')
  @ApiOkResponse({ type: [TypeDecisionDto] })
  listTypesDecision(): Promise<TypeDecisionDto[]> {
    return this.parametrage.types();
  }

  /** Enters an avis, unvalidated (invisible to the candidate), on 1 to 200 candidatures of the caller's scope */
  @Post('avis')
  @ApiCreatedResponse({ type: [AvisDto] })
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE', 422: 'CANDIDATURE_NON_MODIFIABLE' })
  @ApiRequestExample({ candidatureIds: [1], type: 'FA', typeDecision: 'FAV_RESERVE', commentaire: 'Très bon dossier, sous réserve de l’obtention de la licence.', commentaireVisible: true })
  createAvis(@CurrentPrincipal() principal: Principal, @Body() body: SaisieAvisInput): Promise<AvisDto[]> {
    return this.avis.saisir(principal, body);
  }

  /** Validates the latest avis of 1 to 200 candidatures: mailed and shown to the candidate at once, or on the formation's publication date */
  @Post('avis/validation')
  @HttpCode(200)
  @ApiOkResponse({ type: [AvisDto] })
  @ApiProblemResponses(400, { 403: 'GESTION_RESERVEE', 404: 'CANDIDATURE_INTROUVABLE', 422: ['AVIS_DEJA_VALIDE', 'CANDIDATURE_NON_MODIFIABLE'] })
  @ApiRequestExample({ candidatureIds: [1] })
  validateAvis(@CurrentPrincipal() principal: Principal, @Body() body: SelectionCandidatures): Promise<AvisDto[]> {
    return this.avis.valider(principal, body.candidatureIds);
  }

  /** The avis history of a candidature, newest first, unvalidated ones included */
  @Get(':id/avis')
  @ApiOkResponse({ type: [AvisDto] })
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE' })
  listAvis(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<AvisDto[]> {
    return this.avis.historique(principal, params.id);
  }

  /** Deletes the latest avis while it is not validated */
  @Delete(':id/avis/dernier')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted; the previous avis is current again' })
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE', 422: ['AVIS_DEJA_VALIDE', 'CANDIDATURE_NON_MODIFIABLE'] })
  async deleteDernierAvis(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<void> {
    await this.avis.supprimerDernier(principal, params.id);
  }
}
