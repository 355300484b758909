import { Body, Controller, Delete, HttpCode, Param, Post, Put, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../common/api/api-problem-responses.decorator';
import { ApiRequestExample } from '../../common/api/api-request-example.decorator';
import { Roles } from '../../common/auth/auth.decorators';
import { Role } from '../../common/auth/roles';
import { ChecksVersion, EtagInterceptor, IfMatch } from '../../common/concurrency/versioned';
import { IdParams } from '../../offre/dto/gestion-offre.dto';
import { MotifAvisDto } from '../avis/avis.dto';
import { CreationMotifAvisInput, MotifAvisInput, TypeDecisionDto, TypeDecisionInput } from './parametrage-decisions.dto';
import { ParametrageDecisionsService } from './parametrage-decisions.service';

const ETAG = { ETag: { description: 'Version of the new row: send it back as If-Match to change it', schema: { type: 'string' } } };

/**
 * The institution's settings of decisions (scolarité centrale, admin): types de décision (« Avis favorable sous
 * réserve »…) and motifs of a défavorable avis. Staff read both at GET /api/candidatures/types-decision and
 * /api/candidatures/motifs-avis.
 */
@ApiTags('Paramétrage des décisions')
@Controller('parametrage')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE)
export class ParametrageDecisionsController {
  constructor(private readonly parametrage: ParametrageDecisionsService) {}

  /** Creates a type de décision of an avis family; the rules it leaves out are its family's model's */
  @Post('types-decision')
  @UseInterceptors(EtagInterceptor)
  @ApiCreatedResponse({ type: TypeDecisionDto, headers: ETAG })
  @ApiProblemResponses(400, { 409: 'CODE_DEJA_UTILISE' })
  @ApiRequestExample({ code: 'FAV_COND', libelle: 'Avis favorable sous condition de réussite', libelleEn: 'Offer subject to passing your degree', famille: 'FA', definitif: true, confirmable: true })
  createTypeDecision(@Body() body: TypeDecisionInput): Promise<TypeDecisionDto> {
    return this.parametrage.createType(body);
  }

  /** Changes a type de décision (If-Match of the version read): its labels and rules, or deactivates it (actif false); a model's labels only */
  @Put('types-decision/:id')
  @ChecksVersion(TypeDecisionDto)
  @ApiProblemResponses(400, { 404: 'TYPE_DECISION_INTROUVABLE', 422: ['CODE_NON_MODIFIABLE', 'FAMILLE_NON_MODIFIABLE', 'TYPE_DECISION_MODELE'] })
  @ApiRequestExample({ code: 'AVIS_LISTE_ATT', libelle: "Liste d'attente (décision en juillet)", libelleEn: 'On hold (decision in July)', famille: 'LA' }, { id: 4 })
  updateTypeDecision(@Param() params: IdParams, @Body() body: TypeDecisionInput, @IfMatch() ifMatch?: number): Promise<TypeDecisionDto> {
    return this.parametrage.updateType(params.id, body, ifMatch);
  }

  /** Deletes a type de décision no avis names (If-Match of the version read); one in use can only be deactivated */
  @Delete('types-decision/:id')
  @HttpCode(204)
  @ChecksVersion()
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblemResponses(400, { 404: 'TYPE_DECISION_INTROUVABLE', 409: 'TYPE_DECISION_UTILISE', 422: 'TYPE_DECISION_MODELE' })
  async deleteTypeDecision(@Param() params: IdParams, @IfMatch() ifMatch?: number): Promise<void> {
    await this.parametrage.deleteType(params.id, ifMatch);
  }

  /** Creates a motif of a défavorable avis */
  @Post('motifs-avis')
  @UseInterceptors(EtagInterceptor)
  @ApiCreatedResponse({ type: MotifAvisDto, headers: ETAG })
  @ApiProblemResponses(400, { 409: 'CODE_DEJA_UTILISE' })
  @ApiRequestExample({ code: 'LANGUE', libelle: 'Niveau de langue insuffisant' })
  createMotifAvis(@Body() body: CreationMotifAvisInput): Promise<MotifAvisDto> {
    return this.parametrage.createMotif(body);
  }

  /** Renames, deactivates (actif false) or reactivates a motif (If-Match of the version read); its code stays */
  @Put('motifs-avis/:id')
  @ChecksVersion(MotifAvisDto)
  @ApiProblemResponses(400, { 404: 'MOTIF_INTROUVABLE' })
  @ApiRequestExample({ libelle: "Capacité d'accueil de la formation atteinte", actif: true }, { id: 1 })
  updateMotifAvis(@Param() params: IdParams, @Body() body: MotifAvisInput, @IfMatch() ifMatch?: number): Promise<MotifAvisDto> {
    return this.parametrage.updateMotif(params.id, body, ifMatch);
  }

  /** Deletes a motif no avis gives (If-Match of the version read); one in use can only be deactivated */
  @Delete('motifs-avis/:id')
  @HttpCode(204)
  @ChecksVersion()
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblemResponses(400, { 404: 'MOTIF_INTROUVABLE', 409: 'MOTIF_UTILISE' })
  async deleteMotifAvis(@Param() params: IdParams, @IfMatch() ifMatch?: number): Promise<void> {
    await this.parametrage.deleteMotif(params.id, ifMatch);
  }
}
