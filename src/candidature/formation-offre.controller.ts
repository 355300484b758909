import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { Public } from '../common/auth/auth.decorators';
import { IdParams } from '../offre/dto/gestion-offre.dto';
import { FormationDetailDto } from './dto/formation-offre.dto';
import { FormationOffreService } from './formation-offre.service';

@ApiTags('Offre de formation')
@Controller('offre/formations')
export class FormationOffreController {
  constructor(private readonly formations: FormationOffreService) {}

  /** One formation of the public offer (its id from GET /api/offre): dates, mode, pièces to provide, the commission to contact */
  @Get(':id')
  @Public()
  // As the offer tree: the same for everyone, and the offer itself is up to 2 s stale.
  @Header('Cache-Control', 'public, max-age=2')
  @ApiOkResponse({ type: FormationDetailDto })
  @ApiProblemResponses(400, { 404: 'FORMATION_INTROUVABLE' })
  getFormation(@Param() params: IdParams): Promise<FormationDetailDto> {
    return this.formations.detail(params.id);
  }
}
