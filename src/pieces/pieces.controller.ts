import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { Public } from '../common/auth/auth.decorators';
import { IdParams } from '../offre/dto/gestion-offre.dto';
import { PiecesService } from './pieces.service';
import { FileDownload, sendFile } from './upload/send-file';

/** Where getModelePiece below serves the model document of a pièce, as the public pages link to it. */
export const lienModele = (pieceId: number) => `/api/offre/pieces/${pieceId}/modele`;

@ApiTags('Offre de formation')
@Controller('offre/pieces')
export class PiecesController {
  constructor(private readonly pieces: PiecesService) {}

  /** Downloads the model document of a pièce justificative (a form to fill in, an example), for anyone */
  @Get(':id/modele')
  @Public()
  @FileDownload()
  @ApiProblemResponses(400, { 404: ['MODELE_INTROUVABLE', 'PIECE_INTROUVABLE'], 503: 'STOCKAGE_INDISPONIBLE' })
  async getModelePiece(@Param() params: IdParams): Promise<StreamableFile> {
    return sendFile(await this.pieces.modele(params.id));
  }
}
