import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import { Principal, Role } from '../../common/auth/roles';
import { TYPE_XLSX } from '../../common/xlsx/xlsx';
import { ApiFichier, envoyerFichier } from '../fichier';
import { StatistiquesDto, StatistiquesQueryDto } from './statistiques.dto';
import { StatistiquesService } from './statistiques.service';

/**
 * A campaign's figures by centre, commission or formation, scoped as the staff list is: scolarité centrale and admin
 * count every candidature, a gestionnaire those of their centres, a commission member those of their commissions.
 */
@ApiTags('Statistiques')
@Controller('statistiques')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE, Role.COMMISSION)
export class StatistiquesController {
  constructor(private readonly statistiques: StatistiquesService) {}

  /** Candidatures by statut du dossier, type de traitement, avis (entered, validated, published), answer, cancellation, liste complémentaire; and capacities */
  @Get()
  @ApiOkResponse({ type: StatistiquesDto })
  @ApiProblemResponses(400, { 404: 'CAMPAGNE_INTROUVABLE' })
  getStatistiques(@CurrentPrincipal() principal: Principal, @Query() query: StatistiquesQueryDto): Promise<StatistiquesDto> {
    return this.statistiques.statistiques(principal, query);
  }

  /** The same figures as an Excel workbook: a row per line, then the total */
  @Get('export.xlsx')
  @ApiFichier(TYPE_XLSX, 'The figures, one row per line under a header row, the total last', { 404: 'CAMPAGNE_INTROUVABLE' })
  async exportStatistiquesXlsx(@CurrentPrincipal() principal: Principal, @Query() query: StatistiquesQueryDto): Promise<StreamableFile> {
    return envoyerFichier(await this.statistiques.exporter(principal, query));
  }
}
