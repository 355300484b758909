import { ApiRequestExample } from '../common/api/api-request-example.decorator';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ArchivageCampagnesService } from '../candidature/archivage-campagnes.service';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal, Role } from '../common/auth/roles';
import { ChecksVersion, EtagInterceptor, IfMatch, ReadsVersion } from '../common/concurrency/versioned';
import { PageOf } from '../common/pagination/page';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { CampagneDto, CampagneInput } from './dto/campagne.dto';
import { IdParams } from './dto/gestion-offre.dto';
import { GestionCampagnesService } from './gestion-campagnes.service';

class CampagnePage extends PageOf(CampagneDto) {}

const ETAG = { ETag: { description: 'Version of the new row: send it back as If-Match to change it', schema: { type: 'string' } } };

/**
 * Campaigns, set up by scolarité centrale and admin; gestionnaires, whom the guard lets into /offre/gestion, may read
 * them but GestionCampagnesService and ArchivageCampagnesService refuse their changes. Registered by CandidatureModule: putting a campaign in service archives candidatures.
 */
@ApiTags('Offre de formation (gestion)')
@Controller('offre/gestion/campagnes')
@Roles(Role.SCOL_CENTRALE, Role.ADMIN, Role.GESTIONNAIRE)
export class CampagnesController {
  constructor(
    private readonly gestion: GestionCampagnesService,
    private readonly archivage: ArchivageCampagnesService,
  ) {}

  /** Campaigns, the latest first */
  @Get()
  @ApiOkResponse({ type: CampagnePage })
  @ApiProblemResponses(400)
  listCampagnes(@Query() query: PageQueryDto): Promise<CampagnePage> {
    return this.gestion.list(query);
  }

  /** One campaign, with its ETag */
  @Get(':id')
  @ReadsVersion(CampagneDto)
  @ApiProblemResponses(400, { 404: 'CAMPAGNE_INTROUVABLE' })
  getCampagne(@Param() params: IdParams): Promise<CampagneDto> {
    return this.gestion.get(params.id);
  }

  /** Creates a campaign: the very first is put in service at once, the next ones on their planned day or by activation */
  @Post()
  @UseInterceptors(EtagInterceptor)
  @ApiCreatedResponse({ type: CampagneDto, headers: ETAG })
  @ApiProblemResponses(400, { 403: 'CAMPAGNES_RESERVEES_SCOLARITE', 409: 'CODE_DEJA_UTILISE' })
  @ApiRequestExample({ code: '2028', libelle: 'Campagne 2028', dateDebut: '2027-11-01', dateFin: '2028-09-30', campagneAArchiverId: 1 })
  createCampagne(@CurrentPrincipal() principal: Principal, @Body() body: CampagneInput): Promise<CampagneDto> {
    return this.gestion.create(principal, body);
  }

  /** Changes a campaign not archived (If-Match of the version read) */
  @Put(':id')
  @ChecksVersion(CampagneDto)
  @ApiProblemResponses(400, { 403: 'CAMPAGNES_RESERVEES_SCOLARITE', 404: 'CAMPAGNE_INTROUVABLE', 409: 'CODE_DEJA_UTILISE', 422: 'CAMPAGNE_ARCHIVEE' })
  @ApiRequestExample({ code: '2028', libelle: 'Campagne 2028 (recrutement)', dateDebut: '2027-11-01', dateFin: '2028-09-30', campagneAArchiverId: 1 }, { id: 2 })
  updateCampagne(@CurrentPrincipal() principal: Principal, @Param() params: IdParams, @Body() body: CampagneInput, @IfMatch() ifMatch?: number): Promise<CampagneDto> {
    return this.gestion.update(principal, params.id, body, ifMatch);
  }

  /** Puts a campaign in service now, archiving the campaign it names, as the archiving job does on the planned day */
  @Post(':id/activation')
  @HttpCode(200)
  @ReadsVersion(CampagneDto)
  @ApiProblemResponses(400, { 403: 'CAMPAGNES_RESERVEES_SCOLARITE', 404: 'CAMPAGNE_INTROUVABLE', 422: 'CAMPAGNE_ARCHIVEE' })
  async activateCampagne(@CurrentPrincipal() principal: Principal, @Param() params: IdParams): Promise<CampagneDto> {
    await this.archivage.activerPar(principal, params.id);
    return this.gestion.get(params.id);
  }
}
