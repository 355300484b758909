import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { ApiRequestExample } from '../common/api/api-request-example.decorator';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal, Role } from '../common/auth/roles';
import { DonneesPersonnellesDto } from '../auth/dto/compte.dto';
import { ApercuRetentionDto, EffacementCandidatDto, EffacementDto } from './dto/retention.dto';
import { RetentionService } from './retention.service';

@ApiTags('Administration')
@Controller()
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  /**
   * The dry run of the retention job (purge-campagnes-archivees): the campaigns archived more than RETENTION_JOURS
   * days ago and what destroying each would remove. Nothing is deleted here
   */
  @Get('admin/retention')
  @Roles(Role.ADMIN)
  getApercuRetention(): Promise<ApercuRetentionDto> {
    return this.retention.apercu();
  }

  /** A candidate's personal data, as their own right-of-access export gives it: offer it before an erasure */
  @Get('candidats/:numeroDossier/donnees')
  @Roles(Role.ADMIN, Role.SCOL_CENTRALE)
  @ApiProblemResponses({ 404: 'DOSSIER_INTROUVABLE' })
  getDonneesCandidat(@Param('numeroDossier') numeroDossier: string): Promise<DonneesPersonnellesDto> {
    return this.retention.donnees(numeroDossier);
  }

  /**
   * Erases a candidate at their request (RGPD art. 17): account, file, candidatures, pièces and their files, mails.
   * Cannot be undone; `exportPropose` confirms the candidate was offered their data first. The candidate is told by
   * mail; the numéro de dossier is never given again. Refused (409) while the SI Scolarité holds or awaits an admission
   * of theirs (OPI)
   */
  @Post('candidats/:numeroDossier/effacement')
  @HttpCode(200)
  @Roles(Role.ADMIN, Role.SCOL_CENTRALE)
  @ApiProblemResponses(400, { 404: 'DOSSIER_INTROUVABLE', 409: 'EFFACEMENT_OPI' })
  @ApiRequestExample({ exportPropose: true, motif: 'Demande écrite du 2 décembre 2026' }, { numeroDossier: 'DEMO0003' })
  deleteCandidat(@CurrentPrincipal() principal: Principal, @Param('numeroDossier') numeroDossier: string, @Body() body: EffacementCandidatDto): Promise<EffacementDto> {
    return this.retention.effacer(principal, numeroDossier, body);
  }
}
