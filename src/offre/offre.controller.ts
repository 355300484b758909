import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { Public } from '../common/auth/auth.decorators';
import { OffreDto, OffreQueryDto } from './dto/offre-publique.dto';
import { OffrePubliqueService } from './offre-publique.service';

@ApiTags('Offre de formation')
@Controller('offre')
export class OffreController {
  constructor(private readonly offre: OffrePubliqueService) {}

  /** The public offer: centre de candidature → type de diplôme → formation, active ones only, at most 2 s stale */
  @Get()
  @Public()
  // Sent pre-serialized from the per-instance cache: the most read route at campaign opening.
  @Header('Content-Type', 'application/json; charset=utf-8')
  // The same for everyone and at most 2 s stale anyway: a front cache or CDN may keep it as long.
  @Header('Cache-Control', 'public, max-age=2')
  @ApiOkResponse({ type: OffreDto })
  @ApiProblemResponses(400)
  getOffre(@Query() query: OffreQueryDto): Promise<string> {
    return this.offre.offreJson(query);
  }
}
