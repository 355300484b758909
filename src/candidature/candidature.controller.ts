import { ApiRequestExample } from '../common/api/api-request-example.decorator';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal, Role } from '../common/auth/roles';
import { ApiFileUpload } from '../pieces/upload/api-file-upload.decorator';
import { FileDownload, PdfDownload, sendFile } from '../pieces/upload/send-file';
import { CandidatureService } from './candidature.service';
import { DepotPiecesService } from './depot-pieces.service';
import { DossierPdfService } from './dossier-pdf.service';
import { CandidaterInput, CandidatureDto, CandidatureParams, CandidatureResumeDto, PieceParams } from './dto/candidature.dto';

/** The logged-in candidate's candidatures: apply, follow, cancel, pièces justificatives, transmit, dossier PDF. */
@ApiTags('Candidatures')
@Controller('candidat/candidatures')
@Roles(Role.CANDIDAT)
export class CandidatureController {
  constructor(
    private readonly candidatures: CandidatureService,
    private readonly depot: DepotPiecesService,
    private readonly pdf: DossierPdfService,
  ) {}

  /** Applies to a formation of the offer: complete file, inside its window, once, within the maximum number of vœux */
  @Post()
  @ApiCreatedResponse({ type: CandidatureDto })
  @ApiProblemResponses(400, { 404: 'FORMATION_INTROUVABLE', 409: 'CANDIDATURE_EXISTANTE', 422: ['CANDIDATURE_HORS_PERIODE', 'DOSSIER_INCOMPLET', 'NB_VOEUX_MAX_ATTEINT'] })
  @ApiRequestExample({ formationId: 4 })
  createCandidature(@CurrentPrincipal() principal: Principal, @Body() body: CandidaterInput): Promise<CandidatureDto> {
    return this.candidatures.candidater(principal.id, body.formationId);
  }

  /** The candidate's candidatures (cancelled ones excepted), newest first */
  @Get()
  @ApiOkResponse({ type: [CandidatureResumeDto] })
  listOwnCandidatures(@CurrentPrincipal() principal: Principal): Promise<CandidatureResumeDto[]> {
    return this.candidatures.liste(principal.id);
  }

  /** « Récapitulatif de votre candidature »: dates, contact, pièces, and which actions are possible now */
  @Get(':id')
  @ApiOkResponse({ type: CandidatureDto })
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE' })
  getOwnCandidature(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<CandidatureDto> {
    return this.candidatures.detail(principal.id, params.id);
  }

  /** « Annuler la candidature »: irreversible; only while the file is en attente and without avis */
  @Post(':id/annulation')
  @HttpCode(200)
  @ApiOkResponse({ type: CandidatureDto })
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE', 422: 'ANNULATION_IMPOSSIBLE' })
  cancelCandidature(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<CandidatureDto> {
    return this.candidatures.annuler(principal.id, params.id, principal.login);
  }

  /** « Transmettre ma candidature » (demat): every pièce given or « non concerné », before the return deadline */
  @Post(':id/transmission')
  @HttpCode(200)
  @ApiOkResponse({ type: CandidatureDto })
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE', 422: 'TRANSMISSION_IMPOSSIBLE' })
  transmitCandidature(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<CandidatureDto> {
    return this.candidatures.transmettre(principal.id, params.id);
  }

  /** « Télécharger mon dossier »: the PDF to print (paper formations) or to keep */
  @Get(':id/dossier.pdf')
  @PdfDownload('The dossier de candidature (PDF)')
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE', 422: 'DOSSIER_INDISPONIBLE', 503: 'STOCKAGE_INDISPONIBLE' })
  async downloadOwnDossierCandidature(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<StreamableFile> {
    return sendFile(await this.pdf.pourCandidat(principal.id, params.id));
  }

  /** Uploads or replaces the file of a pièce (a shared pièce goes to every candidature still open to changes) */
  @Put(':id/pieces/:pieceId/fichier')
  @ApiFileUpload({ 404: 'CANDIDATURE_INTROUVABLE', 422: ['PIECES_NON_MODIFIABLES', 'PIECE_VALIDEE'] })
  @ApiOkResponse({ type: CandidatureDto })
  @ApiRequestExample(null, { id: 2, pieceId: 11 })
  uploadPiece(@CurrentPrincipal() principal: Principal, @Param() params: PieceParams, @Req() request: FastifyRequest): Promise<CandidatureDto> {
    return this.depot.deposer(principal, params.id, params.pieceId, request);
  }

  /** The file uploaded for a pièce */
  @Get(':id/pieces/:pieceId/fichier')
  @FileDownload()
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE', 503: 'STOCKAGE_INDISPONIBLE' })
  async downloadOwnPiece(@CurrentPrincipal() principal: Principal, @Param() params: PieceParams): Promise<StreamableFile> {
    return sendFile(await this.depot.fichier(principal.id, params.id, params.pieceId));
  }

  /** « Non concerné par cette pièce » (conditional pièces) */
  @Put(':id/pieces/:pieceId/non-concerne')
  @ApiOkResponse({ type: CandidatureDto })
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE', 422: 'PIECE_NON_CONDITIONNELLE' })
  declarePieceNonConcernee(@CurrentPrincipal() principal: Principal, @Param() params: PieceParams): Promise<CandidatureDto> {
    return this.depot.nonConcerne(principal, params.id, params.pieceId);
  }

  /** Withdraws the file or the « non concerné » of a pièce: back to en attente */
  @Delete(':id/pieces/:pieceId')
  @ApiOkResponse({ type: CandidatureDto })
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE', 422: ['PIECES_NON_MODIFIABLES', 'PIECE_VALIDEE'] })
  deletePiece(@CurrentPrincipal() principal: Principal, @Param() params: PieceParams): Promise<CandidatureDto> {
    return this.depot.retirer(principal, params.id, params.pieceId);
  }
}
