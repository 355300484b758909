import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import { Principal, Role } from '../../common/auth/roles';
import { CandidatTrouvePage, RechercheCandidatsQueryDto } from './dto/recherche-candidats.dto';
import { RechercheCandidatsService } from './recherche-candidats.service';

/** Finding a candidate's account, with or without candidature: the file then opens by its numéro de dossier. */
@ApiTags('Candidatures (gestion)')
@Controller('candidats')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE)
export class RechercheCandidatsController {
  constructor(private readonly recherche: RechercheCandidatsService) {}

  /**
   * Accounts of a campaign by name (folded words), INE, e-mail or numéro de dossier, with or without candidature,
   * newest first: scolarité centrale and admin search every account, a gestionnaire those with a candidature in their scope
   */
  @Get()
  @ApiOkResponse({ type: CandidatTrouvePage })
  @ApiProblemResponses(400)
  listCandidats(@CurrentPrincipal() principal: Principal, @Query() query: RechercheCandidatsQueryDto): Promise<CandidatTrouvePage> {
    return this.recherche.rechercher(principal, query);
  }
}
