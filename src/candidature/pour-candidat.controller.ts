import { ApiRequestExample } from '../common/api/api-request-example.decorator';
import { Body, Controller, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal, Role } from '../common/auth/roles';
import { ApiFileUpload } from '../pieces/upload/api-file-upload.decorator';
import { CandidatureService } from './candidature.service';
import { ConfirmationService } from './decision/confirmation.service';
import { DepotPiecesService } from './depot-pieces.service';
import { CandidatureDto, CandidatureParams, PieceParams, PropositionInput } from './dto/candidature.dto';

/**
 * Staff acting for a candidate who phones or writes, with the candidate's own services and rules (past the return
 * deadline for pièces): gestionnaires of the candidature's centre, scolarité centrale and admin. Each action is
 * recorded in the candidature's history with who did it; the candidate gets the mails their own action sends.
 */
@ApiTags('Candidatures (gestion)')
@Controller('candidatures')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE)
export class PourCandidatController {
  constructor(
    private readonly candidatures: CandidatureService,
    private readonly depot: DepotPiecesService,
    private readonly confirmations: ConfirmationService,
  ) {}

  /** A « proposition »: creates a candidature for a candidate outside the formation's window and the maximum (statut complet, favourable avis to validate); alerts the commission, mails the candidate */
  @Post('propositions')
  @ApiCreatedResponse({ type: CandidatureDto })
  @ApiProblemResponses(400, { 403: ['GESTION_RESERVEE', 'FORMATION_HORS_PERIMETRE'], 404: ['FORMATION_INTROUVABLE', 'DOSSIER_INTROUVABLE'], 409: 'CANDIDATURE_EXISTANTE', 422: ['DOSSIER_INCOMPLET', 'COMPTE_AUTRE_CAMPAGNE'] })
  @ApiRequestExample({ numeroDossier: 'DEMO0004', formationId: 3 })
  createProposition(@CurrentPrincipal() principal: Principal, @Body() body: PropositionInput): Promise<CandidatureDto> {
    return this.candidatures.proposer(principal, body.numeroDossier, body.formationId);
  }

  /** Uploads or replaces the file of a pièce for the candidate, past the return deadline too */
  @Put(':id/pieces/:pieceId/fichier')
  @ApiFileUpload({ 403: 'GESTION_RESERVEE', 404: 'CANDIDATURE_INTROUVABLE', 422: ['PIECES_NON_MODIFIABLES', 'PIECE_VALIDEE'] })
  @ApiOkResponse({ type: CandidatureDto })
  @ApiRequestExample(null, { id: 2, pieceId: 11 })
  uploadPieceForCandidat(@CurrentPrincipal() principal: Principal, @Param() params: PieceParams, @Req() request: FastifyRequest): Promise<CandidatureDto> {
    return this.depot.deposer(principal, params.id, params.pieceId, request);
  }

  /** Declares the candidate « non concerné » by a conditional pièce, past the return deadline too */
  @Put(':id/pieces/:pieceId/non-concerne')
  @ApiOkResponse({ type: CandidatureDto })
  @ApiProblemResponses(400, 403, { 404: 'CANDIDATURE_INTROUVABLE', 422: ['PIECES_NON_MODIFIABLES', 'PIECE_NON_CONDITIONNELLE', 'PIECE_VALIDEE'] })
  declarePieceNonConcerneeForCandidat(@CurrentPrincipal() principal: Principal, @Param() params: PieceParams): Promise<CandidatureDto> {
    return this.depot.nonConcerne(principal, params.id, params.pieceId);
  }

  /** Confirms a favourable decision for the candidate: the candidate's rule (before the deadline), mail and OPI code */
  @Post(':id/confirmation')
  @HttpCode(200)
  @ApiOkResponse({ type: CandidatureDto })
  @ApiProblemResponses(400, 403, { 404: 'CANDIDATURE_INTROUVABLE', 422: 'CONFIRMATION_IMPOSSIBLE' })
  confirmCandidatureForCandidat(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<CandidatureDto> {
    return this.confirmations.confirmer(principal, params.id);
  }

  /** Withdraws the candidate from a favourable decision: the candidate's rule and mails; the next of the liste complémentaire is admitted */
  @Post(':id/desistement')
  @HttpCode(200)
  @ApiOkResponse({ type: CandidatureDto })
  @ApiProblemResponses(400, 403, { 404: 'CANDIDATURE_INTROUVABLE', 422: 'DESISTEMENT_IMPOSSIBLE' })
  withdrawCandidatureForCandidat(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<CandidatureDto> {
    return this.confirmations.desister(principal, params.id);
  }

  /** Restores a cancelled candidature (cancelled before any avis): live again, the candidate is mailed */
  @Post(':id/restauration')
  @HttpCode(200)
  @ApiOkResponse({ type: CandidatureDto })
  @ApiProblemResponses(400, 403, { 404: 'CANDIDATURE_INTROUVABLE', 409: 'CANDIDATURE_EXISTANTE', 422: 'RESTAURATION_IMPOSSIBLE' })
  restoreCandidature(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<CandidatureDto> {
    return this.candidatures.restaurer(principal, params.id);
  }
}
