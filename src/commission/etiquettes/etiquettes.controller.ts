import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../common/api/api-problem-responses.decorator';
import { ApiRequestExample } from '../../common/api/api-request-example.decorator';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import { Principal, Role } from '../../common/auth/roles';
import { EtiquetteCandidatureParams, EtiquetteDto, EtiquetteInput, EtiquetteModification, EtiquetteParams, PoseEtiquettes, PoseEtiquettesDto } from './etiquettes.dto';
import { EtiquettesService } from './etiquettes.service';

/** Labels: the institution's (scolarité centrale, admin) and the centres' (their gestionnaires). */
@ApiTags('Étiquettes')
@Controller('etiquettes')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE)
export class EtiquettesController {
  constructor(private readonly etiquettes: EtiquettesService) {}

  /** The labels the caller uses: the institution's, then their centres' */
  @Get()
  @ApiOkResponse({ type: [EtiquetteDto] })
  listEtiquettes(@CurrentPrincipal() principal: Principal): Promise<EtiquetteDto[]> {
    return this.etiquettes.lister(principal);
  }

  /** Creates a label of the institution (no centre: scolarité centrale, admin) or of a centre (its gestionnaires) */
  @Post()
  @ApiCreatedResponse({ type: EtiquetteDto })
  @ApiProblemResponses(400, { 403: ['ETIQUETTES_ETABLISSEMENT_RESERVEES', 'CENTRE_HORS_PERIMETRE'], 404: 'CENTRE_INTROUVABLE', 409: 'ETIQUETTE_EXISTANTE' })
  @ApiRequestExample({ libelle: 'Boursier', couleur: '#1f77b4' })
  createEtiquette(@CurrentPrincipal() principal: Principal, @Body() input: EtiquetteInput): Promise<EtiquetteDto> {
    return this.etiquettes.creer(principal, input);
  }

  /** Renames or recolours a label (its owner stays) */
  @Put(':id')
  @ApiOkResponse({ type: EtiquetteDto })
  @ApiProblemResponses(400, { 403: ['ETIQUETTES_ETABLISSEMENT_RESERVEES', 'CENTRE_HORS_PERIMETRE'], 404: 'ETIQUETTE_INTROUVABLE', 409: 'ETIQUETTE_EXISTANTE' })
  @ApiRequestExample({ libelle: 'Boursier (CROUS)', couleur: '#2ca02c' }, { id: 1 })
  updateEtiquette(@CurrentPrincipal() principal: Principal, @Param() params: EtiquetteParams, @Body() input: EtiquetteModification): Promise<EtiquetteDto> {
    return this.etiquettes.modifier(principal, params.id, input);
  }

  /** Deletes a label, and takes it off every candidature */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblemResponses(400, { 403: ['ETIQUETTES_ETABLISSEMENT_RESERVEES', 'CENTRE_HORS_PERIMETRE'], 404: 'ETIQUETTE_INTROUVABLE' })
  async deleteEtiquette(@CurrentPrincipal() principal: Principal, @Param() params: EtiquetteParams): Promise<void> {
    await this.etiquettes.supprimer(principal, params.id);
  }
}

/** Labels on candidatures: gestionnaires (their centres' candidatures), scolarité centrale and admin. */
@ApiTags('Candidatures (gestion)')
@Controller('candidatures')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE)
export class EtiquettesCandidaturesController {
  constructor(private readonly etiquettes: EtiquettesService) {}

  /** Puts a label on up to 200 candidatures at once, all or nothing; those already carrying it are left as they were */
  @Post('etiquettes')
  @HttpCode(200)
  @ApiOkResponse({ type: PoseEtiquettesDto })
  @ApiProblemResponses(400, 403, { 404: ['CANDIDATURE_INTROUVABLE', 'ETIQUETTE_INTROUVABLE'], 422: 'ETIQUETTE_AUTRE_CENTRE' })
  @ApiRequestExample({ candidatureIds: [1], etiquetteId: 1 })
  createEtiquettesCandidatures(@CurrentPrincipal() principal: Principal, @Body() body: PoseEtiquettes): Promise<PoseEtiquettesDto> {
    return this.etiquettes.poser(principal, body.candidatureIds, body.etiquetteId);
  }

  /** Puts a label on this candidature (nothing changes when it already carries it) */
  @Put(':id/etiquettes/:etiquetteId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The candidature carries the label' })
  @ApiProblemResponses(400, 403, { 404: ['CANDIDATURE_INTROUVABLE', 'ETIQUETTE_INTROUVABLE'], 422: 'ETIQUETTE_AUTRE_CENTRE' })
  async createEtiquetteCandidature(@CurrentPrincipal() principal: Principal, @Param() params: EtiquetteCandidatureParams): Promise<void> {
    await this.etiquettes.poser(principal, [params.id], params.etiquetteId);
  }

  /** Takes a label off this candidature (nothing changes when it does not carry it) */
  @Delete(':id/etiquettes/:etiquetteId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The candidature does not carry the label' })
  @ApiProblemResponses(400, 403, { 404: ['CANDIDATURE_INTROUVABLE', 'ETIQUETTE_INTROUVABLE'] })
  async deleteEtiquetteCandidature(@CurrentPrincipal() principal: Principal, @Param() params: EtiquetteCandidatureParams): Promise<void> {
    await this.etiquettes.retirer(principal, params.id, params.etiquetteId);
  }
}
