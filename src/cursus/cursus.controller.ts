import { ApiRequestExample } from '../common/api/api-request-example.decorator';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Type, UseInterceptors, applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal, Role } from '../common/auth/roles';
import { ChecksVersion, EtagInterceptor, IfMatch, ReadsVersion } from '../common/concurrency/versioned';
import {
  CursusExterneDto,
  CursusExterneInput,
  ElementParams,
  ExperienceProDto,
  ExperienceProInput,
  StageDto,
  StageInput,
} from './dto/cursus.dto';
import { CursusService } from './cursus.service';

/** An addition: 201 with the new row, its version as ETag (no If-Match: there is nothing to overwrite). */
const AddsVersioned = (type: Type) =>
  applyDecorators(
    UseInterceptors(EtagInterceptor),
    ApiCreatedResponse({
      type,
      description: 'The new row',
      headers: { ETag: { description: 'Version of the new row: send it back as If-Match to change it', schema: { type: 'string' } } },
    }),
  );

/** The logged-in candidate's cursus externe, stages and expériences professionnelles, row by row. */
@ApiTags('Dossier candidat')
@Controller('candidat')
@Roles(Role.CANDIDAT)
export class CursusController {
  constructor(private readonly cursus: CursusService) {}

  /** Years of higher education outside the university, by year */
  @Get('cursus-externe')
  listCursusExterne(@CurrentPrincipal() principal: Principal): Promise<CursusExterneDto[]> {
    return this.cursus.cursusExterne.list(principal.id);
  }

  /** One year of the cursus externe */
  @Get('cursus-externe/:id')
  @ReadsVersion(CursusExterneDto)
  @ApiProblemResponses(400, { 404: 'CURSUS_EXTERNE_INTROUVABLE' })
  getCursusExterne(@CurrentPrincipal() principal: Principal, @Param() params: ElementParams): Promise<CursusExterneDto> {
    return this.cursus.cursusExterne.get(principal.id, params.id);
  }

  /** Adds a year of higher education (one row per academic year), its codes checked against the reference data */
  @Post('cursus-externe')
  @AddsVersioned(CursusExterneDto)
  @ApiProblemResponses(400, { 422: 'TROP_D_ELEMENTS' })
  @ApiRequestExample({ resultat: 'OBTENU', annee: 2024, pays: 'FR', departement: '45', commune: '45234', etablissement: '0450855K', typeDiplome: 'LIC', libelle: 'L2 Géographie et aménagement', mention: 'AB' })
  createCursusExterne(@CurrentPrincipal() principal: Principal, @Body() body: CursusExterneInput): Promise<CursusExterneDto> {
    return this.cursus.cursusExterne.add(principal.id, body);
  }

  /** Changes a year of the cursus externe (If-Match of the version read) */
  @Put('cursus-externe/:id')
  @ChecksVersion(CursusExterneDto)
  @ApiProblemResponses(400, { 404: 'CURSUS_EXTERNE_INTROUVABLE' })
  @ApiRequestExample({ resultat: 'OBTENU', annee: 2023, pays: 'FR', departement: '45', commune: '45234', etablissement: '0450855K', typeDiplome: 'LIC', libelle: 'L1 Géographie et aménagement', mention: 'P' }, { id: 1 })
  updateCursusExterne(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ElementParams,
    @Body() body: CursusExterneInput,
    @IfMatch() ifMatch?: number,
  ): Promise<CursusExterneDto> {
    return this.cursus.cursusExterne.update(principal.id, params.id, body, ifMatch);
  }

  /** Deletes a year of the cursus externe (If-Match of the version read) */
  @Delete('cursus-externe/:id')
  @HttpCode(204)
  @ChecksVersion()
  @ApiProblemResponses(400, { 404: 'CURSUS_EXTERNE_INTROUVABLE' })
  deleteCursusExterne(@CurrentPrincipal() principal: Principal, @Param() params: ElementParams, @IfMatch() ifMatch?: number): Promise<void> {
    return this.cursus.cursusExterne.remove(principal.id, params.id, ifMatch);
  }

  /** Internships, by year */
  @Get('stages')
  listStages(@CurrentPrincipal() principal: Principal): Promise<StageDto[]> {
    return this.cursus.stages.list(principal.id);
  }

  /** One internship */
  @Get('stages/:id')
  @ReadsVersion(StageDto)
  @ApiProblemResponses(400, { 404: 'STAGE_INTROUVABLE' })
  getStage(@CurrentPrincipal() principal: Principal, @Param() params: ElementParams): Promise<StageDto> {
    return this.cursus.stages.get(principal.id, params.id);
  }

  /** Adds an internship */
  @Post('stages')
  @AddsVersioned(StageDto)
  @ApiProblemResponses(400, { 422: 'TROP_D_ELEMENTS' })
  @ApiRequestExample({ annee: 2023, duree: '8 semaines', heuresParSemaine: 35, organisme: 'Ville de Tours', descriptif: 'Inventaire des espaces verts, cartographie sous QGIS' })
  createStage(@CurrentPrincipal() principal: Principal, @Body() body: StageInput): Promise<StageDto> {
    return this.cursus.stages.add(principal.id, body);
  }

  /** Changes an internship (If-Match of the version read) */
  @Put('stages/:id')
  @ChecksVersion(StageDto)
  @ApiProblemResponses(400, { 404: 'STAGE_INTROUVABLE' })
  @ApiRequestExample({ annee: 2024, duree: '6 semaines', heuresParSemaine: 35, organisme: 'BRGM Orléans', descriptif: 'Relevés piézométriques et saisie sous QGIS' }, { id: 1 })
  updateStage(@CurrentPrincipal() principal: Principal, @Param() params: ElementParams, @Body() body: StageInput, @IfMatch() ifMatch?: number): Promise<StageDto> {
    return this.cursus.stages.update(principal.id, params.id, body, ifMatch);
  }

  /** Deletes an internship (If-Match of the version read) */
  @Delete('stages/:id')
  @HttpCode(204)
  @ChecksVersion()
  @ApiProblemResponses(400, { 404: 'STAGE_INTROUVABLE' })
  deleteStage(@CurrentPrincipal() principal: Principal, @Param() params: ElementParams, @IfMatch() ifMatch?: number): Promise<void> {
    return this.cursus.stages.remove(principal.id, params.id, ifMatch);
  }

  /** Professional experience (jobs), by year */
  @Get('experiences-pro')
  listExperiencesPro(@CurrentPrincipal() principal: Principal): Promise<ExperienceProDto[]> {
    return this.cursus.experiencesPro.list(principal.id);
  }

  /** One professional experience */
  @Get('experiences-pro/:id')
  @ReadsVersion(ExperienceProDto)
  @ApiProblemResponses(400, { 404: 'EXPERIENCE_PRO_INTROUVABLE' })
  getExperiencePro(@CurrentPrincipal() principal: Principal, @Param() params: ElementParams): Promise<ExperienceProDto> {
    return this.cursus.experiencesPro.get(principal.id, params.id);
  }

  /** Adds a professional experience */
  @Post('experiences-pro')
  @AddsVersioned(ExperienceProDto)
  @ApiProblemResponses(400, { 422: 'TROP_D_ELEMENTS' })
  @ApiRequestExample({ annee: 2022, duree: 'CDD 8 mois', intitule: 'Animateur', organisme: 'Foire de Bordeaux', descriptif: 'Accompagnement des visiteurs, tenue de stands' })
  createExperiencePro(@CurrentPrincipal() principal: Principal, @Body() body: ExperienceProInput): Promise<ExperienceProDto> {
    return this.cursus.experiencesPro.add(principal.id, body);
  }

  /** Changes a professional experience (If-Match of the version read) */
  @Put('experiences-pro/:id')
  @ChecksVersion(ExperienceProDto)
  @ApiProblemResponses(400, { 404: 'EXPERIENCE_PRO_INTROUVABLE' })
  @ApiRequestExample({ annee: 2023, duree: 'CDD 2 mois', intitule: 'Animateur nature', organisme: 'Maison de la Loire', descriptif: 'Sorties scolaires sur les bords de Loire' }, { id: 1 })
  updateExperiencePro(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ElementParams,
    @Body() body: ExperienceProInput,
    @IfMatch() ifMatch?: number,
  ): Promise<ExperienceProDto> {
    return this.cursus.experiencesPro.update(principal.id, params.id, body, ifMatch);
  }

  /** Deletes a professional experience (If-Match of the version read) */
  @Delete('experiences-pro/:id')
  @HttpCode(204)
  @ChecksVersion()
  @ApiProblemResponses(400, { 404: 'EXPERIENCE_PRO_INTROUVABLE' })
  deleteExperiencePro(@CurrentPrincipal() principal: Principal, @Param() params: ElementParams, @IfMatch() ifMatch?: number): Promise<void> {
    return this.cursus.experiencesPro.remove(principal.id, params.id, ifMatch);
  }
}
