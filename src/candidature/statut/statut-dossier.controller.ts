import { ApiRequestExample } from '../../common/api/api-request-example.decorator';
import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PieceParams } from '../dto/candidature.dto';
import { ApiProblemResponses } from '../../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import { Principal, Role } from '../../common/auth/roles';
import { PieceStatutDto, StatutDossierInput, StatutDossierResultatDto, StatutPieceInput, StatutPiecesInput, StatutPiecesResultatDto } from './dto/statut-dossier.dto';
import { StatutDossierService } from './statut-dossier.service';

/**
 * Statut du dossier and pièce checks: gestionnaires (their centres), scolarité centrale and admin. Commission members
 * read candidatures but do not change them (AccesCandidatures.gere), so they are refused here.
 */
@ApiTags('Candidatures (gestion)')
@Controller('candidatures')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE)
export class StatutDossierController {
  constructor(private readonly statuts: StatutDossierService) {}

  /** Sets the statut du dossier (AT, RE, IN, CO) of 1 to 200 candidatures with a date, and mails each candidate (STATUT_*); all or nothing */
  @Post('statut-dossier')
  @HttpCode(200)
  @ApiOkResponse({ type: StatutDossierResultatDto })
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE', 422: 'CANDIDATURE_NON_MODIFIABLE' })
  @ApiRequestExample({ candidatureIds: [1, 3, 4], statut: 'RE' })
  updateStatutDossier(@CurrentPrincipal() principal: Principal, @Body() body: StatutDossierInput): Promise<StatutDossierResultatDto> {
    return this.statuts.changerStatut(principal, body);
  }

  /** Validates, refuses (with a comment) or puts back to transmise 1 to 200 pièces of candidatures; all or nothing */
  @Post('pieces/statut')
  @HttpCode(200)
  @ApiOkResponse({ type: StatutPiecesResultatDto })
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE', 422: 'PIECE_NON_DEPOSEE' })
  @ApiRequestExample({ items: [{ candidatureId: 3, pieceId: 2 }, { candidatureId: 3, pieceId: 3 }], statut: 'VA' })
  updateStatutPieces(@CurrentPrincipal() principal: Principal, @Body() body: StatutPiecesInput): Promise<StatutPiecesResultatDto> {
    return this.statuts.changerStatutPieces(principal, body.items, body.statut, body.commentaire);
  }

  /** Validates (VA), refuses (RE, with a comment the candidate sees) or puts back to transmise (TR) a pièce of a candidature */
  @Put(':id/pieces/:pieceId/statut')
  @ApiOkResponse({ type: PieceStatutDto })
  @ApiProblemResponses(400, { 404: ['CANDIDATURE_INTROUVABLE', 'PIECE_INTROUVABLE'], 422: 'PIECE_NON_DEPOSEE' })
  @ApiRequestExample({ statut: 'AT', commentaire: 'Le relevé de notes du semestre 2 manque.' }, { id: 1, pieceId: 3 })
  async updateStatutPiece(@CurrentPrincipal() principal: Principal, @Param() params: PieceParams, @Body() body: StatutPieceInput): Promise<PieceStatutDto> {
    const result = await this.statuts.changerStatutPieces(principal, [{ candidatureId: params.id, pieceId: params.pieceId }], body.statut, body.commentaire);
    return result.pieces[0];
  }
}
