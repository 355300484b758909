import { ApiRequestExample } from '../common/api/api-request-example.decorator';
import { Body, Controller, Get, HttpCode, Param, Post, StreamableFile, applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DossierDto } from '../candidat/dto/dossier.dto';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal, Role } from '../common/auth/roles';
import { FileDownload, PdfDownload, contentDisposition, sendFile } from '../pieces/upload/send-file';
import { CandidatureStaffService } from './candidature-staff.service';
import { CandidatureParams, PieceParams } from './dto/candidature.dto';
import { DossiersZipInput } from './dto/dossiers-zip.dto';

/** A ZIP streamed as it is built: an attachment (never sniffed nor stored, as every answer), binary in the contract. */
const ZipDownload = (description: string) =>
  applyDecorators(
    ApiProduces('application/zip'),
    ApiOkResponse({ description, content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } }),
  );

/** Staff reading candidates' files and candidatures, within their scopes (AccesCandidatures). */
@ApiTags('Candidatures (gestion)')
@Controller()
@Roles(Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE, Role.COMMISSION)
export class CandidatureStaffController {
  constructor(private readonly staff: CandidatureStaffService) {}

  /** A candidate's file, by numéro de dossier: scolarité centrale and admin, or staff of a centre or commission the candidate applied to */
  @Get('candidats/:numeroDossier/dossier')
  @ApiOkResponse({ type: DossierDto })
  @ApiProblemResponses({ 404: 'DOSSIER_INTROUVABLE' })
  getDossierCandidat(@CurrentPrincipal() principal: Principal, @Param('numeroDossier') numeroDossier: string): Promise<DossierDto> {
    return this.staff.dossierCandidat(principal, numeroDossier);
  }

  /** The dossier PDF of a candidature of the caller's scope: the summary, then every file uploaded for its pièces */
  @Get('candidatures/:id/dossier.pdf')
  @PdfDownload('The dossier de candidature (PDF)')
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE', 503: 'STOCKAGE_INDISPONIBLE' })
  async downloadDossierCandidature(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<StreamableFile> {
    return sendFile(await this.staff.dossierPdf(principal, params.id));
  }

  /** The file the candidate uploaded for a pièce of a candidature of the caller's scope */
  @Get('candidatures/:id/pieces/:pieceId/fichier')
  @FileDownload()
  @ApiProblemResponses(400, { 404: ['CANDIDATURE_INTROUVABLE', 'FICHIER_INTROUVABLE'], 503: 'STOCKAGE_INDISPONIBLE' })
  async downloadPiece(@CurrentPrincipal() principal: Principal, @Param() params: PieceParams): Promise<StreamableFile> {
    return sendFile(await this.staff.fichierPiece(principal, params.id, params.pieceId));
  }

  /** The dossier PDFs of 1 to 200 candidatures of the caller's scope, as one ZIP (`dossier-<numeroDossier>-<formation>.pdf` each), streamed */
  @Post('candidatures/dossiers.zip')
  @HttpCode(200)
  @ZipDownload('One merged dossier PDF per candidature, in the order asked')
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE' })
  @ApiRequestExample({ candidatureIds: [1, 3, 4] })
  async downloadDossiersCandidatures(@CurrentPrincipal() principal: Principal, @Body() input: DossiersZipInput): Promise<StreamableFile> {
    const archive = await this.staff.dossiersZip(principal, input.candidatureIds);
    return new StreamableFile(archive.stream, { type: 'application/zip', disposition: contentDisposition(archive.nom) });
  }
}
