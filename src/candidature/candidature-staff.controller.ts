import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DossierDto } from '../candidat/dto/dossier.dto';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal, Role } from '../common/auth/roles';
import { FileDownload, sendFile } from '../pieces/upload/send-file';
import { CandidatureStaffService } from './candidature-staff.service';
import { CandidatureParams } from './dto/candidature.dto';

/** Staff reading candidates' files and candidatures, within their scopes (AccesCandidatures). */
@ApiTags('Candidatures (gestion)')
@Controller()
@Roles(Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE, Role.COMMISSION)
export class CandidatureStaffController {
  constructor(private readonly staff: CandidatureStaffService) {}

  /** A candidate's file, by numéro de dossier: scolarité centrale and admin, or staff of a centre or commission the candidate applied to */
  @Get('candidats/:numeroDossier/dossier')
  @ApiOkResponse({ type: DossierDto })
  @ApiProblemResponses(404)
  dossierCandidat(@CurrentPrincipal() principal: Principal, @Param('numeroDossier') numeroDossier: string): Promise<DossierDto> {
    return this.staff.dossierCandidat(principal, numeroDossier);
  }

  /** The dossier PDF of a candidature of the caller's scope */
  @Get('candidatures/:id/dossier.pdf')
  @FileDownload('The dossier de candidature (PDF)')
  @ApiProblemResponses(400, 404)
  async dossierPdfCandidature(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<StreamableFile> {
    return sendFile(await this.staff.dossierPdf(principal, params.id));
  }
}
