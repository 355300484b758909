import { ApiRequestExample } from '../common/api/api-request-example.decorator';
import { Body, Controller, Delete, Get, Param, Post, Put, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal, Role } from '../common/auth/roles';
import { ChecksVersion, EtagInterceptor, IfMatch } from '../common/concurrency/versioned';
import { PageOf } from '../common/pagination/page';
import { IdParams } from '../offre/dto/gestion-offre.dto';
import { PieceDto, PieceInput, PieceQueryDto } from './dto/gestion-pieces.dto';
import { PiecesService } from './pieces.service';
import { ApiFileUpload } from './upload/api-file-upload.decorator';
import { UploadReceiver } from './upload/receive-upload';

class PiecePage extends PageOf(PieceDto) {}

const ETAG = { ETag: { description: 'Version of the new row: send it back as If-Match to change it', schema: { type: 'string' } } };

/**
 * Set-up of the pièces justificatives by staff: scolarité centrale and admin everywhere, a gestionnaire the pièces
 * of their centres (PerimetrePieces).
 */
@ApiTags('Offre de formation (gestion)')
@Controller('offre/gestion/pieces')
@Roles(Role.SCOL_CENTRALE, Role.ADMIN, Role.GESTIONNAIRE)
export class GestionPiecesController {
  constructor(
    private readonly pieces: PiecesService,
    private readonly uploads: UploadReceiver,
  ) {}

  /** Pièces justificatives, by display order then code, optionally of one centre or asked for one formation */
  @Get()
  @ApiOkResponse({ type: PiecePage })
  @ApiProblemResponses(400)
  listPieces(@CurrentPrincipal() principal: Principal, @Query() query: PieceQueryDto): Promise<PiecePage> {
    return this.pieces.list(principal, query);
  }

  /** Creates a pièce justificative of the institution (scolarité centrale, admin) or of a centre of the caller's scope */
  @Post()
  @UseInterceptors(EtagInterceptor)
  @ApiCreatedResponse({ type: PieceDto, headers: ETAG })
  @ApiProblemResponses(400, { 403: ['CENTRE_HORS_PERIMETRE', 'PIECES_RESERVEES_SCOLARITE'], 409: 'CODE_DEJA_UTILISE' })
  @ApiRequestExample({ centreId: 1, code: 'GEO-PORTFOLIO', libelle: 'Portfolio de travaux de terrain', commun: false, conditionnel: true, ordre: 9, formationIds: [1] })
  createPiece(@CurrentPrincipal() principal: Principal, @Body() body: PieceInput): Promise<PieceDto> {
    return this.pieces.create(principal, body);
  }

  /** Changes a pièce justificative and the formations it is asked for (If-Match of the version read) */
  @Put(':id')
  @ChecksVersion(PieceDto)
  @ApiProblemResponses(400, { 403: ['CENTRE_HORS_PERIMETRE', 'PIECES_RESERVEES_SCOLARITE'], 404: 'PIECE_INTROUVABLE', 409: 'CODE_DEJA_UTILISE' })
  @ApiRequestExample({ centreId: 1, code: 'GEO-CV', libelle: 'Curriculum Vitae avec photo', commun: false, conditionnel: false, ordre: 4, formationIds: [1] }, { id: 4 })
  updatePiece(@CurrentPrincipal() principal: Principal, @Param() params: IdParams, @Body() body: PieceInput, @IfMatch() ifMatch?: number): Promise<PieceDto> {
    return this.pieces.update(principal, params.id, body, ifMatch);
  }

  /** Uploads the model document candidates may download, replacing the previous one (If-Match of the version read) */
  @Put(':id/modele')
  @ChecksVersion(PieceDto)
  @ApiFileUpload({ 403: 'CENTRE_HORS_PERIMETRE', 404: 'PIECE_INTROUVABLE' })
  @ApiRequestExample(null, { id: 4 })
  uploadModelePiece(@CurrentPrincipal() principal: Principal, @Param() params: IdParams, @Req() request: FastifyRequest, @IfMatch() ifMatch?: number): Promise<PieceDto> {
    return this.pieces.setModele(principal, params.id, () => this.uploads.receive(request), ifMatch);
  }

  /** Removes the model document of a pièce (If-Match of the version read) */
  @Delete(':id/modele')
  @ChecksVersion(PieceDto)
  @ApiProblemResponses(400, { 404: 'PIECE_INTROUVABLE' })
  deleteModelePiece(@CurrentPrincipal() principal: Principal, @Param() params: IdParams, @IfMatch() ifMatch?: number): Promise<PieceDto> {
    return this.pieces.deleteModele(principal, params.id, ifMatch);
  }
}
