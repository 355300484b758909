import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  @ApiProblemResponses(400)
  getOffre(@Query() query: OffreQueryDto): Promise<OffreDto> {
    return this.offre.offre(query);
  }
}
