import { Body, Controller, Get, Param, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { ApiRequestExample } from '../common/api/api-request-example.decorator';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal, Role } from '../common/auth/roles';
import { ChecksVersion, EtagInterceptor, IfMatch, ReadsVersion } from '../common/concurrency/versioned';
import { PageOf } from '../common/pagination/page';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { CreateUtilisateurInput, HabilitationDto, UpdateUtilisateurInput, UtilisateurDto, UtilisateurParams, UtilisateurQueryDto } from './dto/utilisateur.dto';
import { PersonnelService } from './personnel.service';

class UtilisateurPage extends PageOf(UtilisateurDto) {}
class HabilitationPage extends PageOf(HabilitationDto) {}

/**
 * Staff accounts and their scopes: administrators manage every account; scolarité centrale those of gestionnaires and
 * commission members (PersonnelService, refusGestion).
 */
@ApiTags('Administration')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE)
@Controller('admin/utilisateurs')
export class PersonnelController {
  constructor(private readonly personnel: PersonnelService) {}

  /** Staff accounts by name, searched by login, name or e-mail (accents and case ignored), filtered by role, centre, commission */
  @Get()
  @ApiOkResponse({ type: UtilisateurPage })
  @ApiProblemResponses(400)
  listUtilisateurs(@Query() query: UtilisateurQueryDto): Promise<UtilisateurPage> {
    return this.personnel.list(query);
  }

  /** One staff account with its roles and scopes, and its ETag */
  @Get(':id')
  @ReadsVersion(UtilisateurDto)
  @ApiProblemResponses(400, { 404: 'UTILISATEUR_INTROUVABLE' })
  getUtilisateur(@Param() params: UtilisateurParams): Promise<UtilisateurDto> {
    return this.personnel.get(params.id);
  }

  /** Creates a staff account: with a password, or CAS-only without one; its roles and scopes are recorded in its history */
  @Post()
  @UseInterceptors(EtagInterceptor)
  @ApiCreatedResponse({ type: UtilisateurDto, headers: { ETag: { description: 'Version of the new account: send it back as If-Match to change it', schema: { type: 'string' } } } })
  @ApiProblemResponses(400, { 403: 'GESTION_COMPTE_INTERDITE', 409: 'LOGIN_DEJA_UTILISE' })
  @ApiRequestExample({
    login: 'claire.martin',
    email: 'claire.martin@univ.fr',
    nom: 'Martin',
    prenom: 'Claire',
    roles: ['gestionnaire', 'commission'],
    centres: [{ code: 'OSUC' }],
    commissions: [{ code: 'OSUC-SCOL', president: true }],
  })
  createUtilisateur(@CurrentPrincipal() principal: Principal, @Body() body: CreateUtilisateurInput): Promise<UtilisateurDto> {
    return this.personnel.create(principal, body);
  }

  /**
   * Replaces a staff account's identity, roles and scopes (If-Match of the version read); `actif: false` deactivates it
   * and ends its sessions at once. Each grant and revocation is recorded in its history.
   */
  @Put(':id')
  @ChecksVersion(UtilisateurDto)
  @ApiProblemResponses(400, { 403: 'GESTION_COMPTE_INTERDITE', 404: 'UTILISATEUR_INTROUVABLE', 422: ['DESACTIVATION_DE_SOI', 'ROLE_ADMIN_DE_SOI'] })
  @ApiRequestExample({ email: 'claire.martin@univ.fr', nom: 'Martin', prenom: 'Claire', roles: ['gestionnaire'], centres: [{ code: 'OSUC', commissions: ['OSUC-SCOL'] }], actif: true }, { id: 5 })
  updateUtilisateur(@CurrentPrincipal() principal: Principal, @Param() params: UtilisateurParams, @Body() body: UpdateUtilisateurInput, @IfMatch() ifMatch?: number): Promise<UtilisateurDto> {
    return this.personnel.update(principal, params.id, body, ifMatch);
  }

  /** The grants and revocations of a staff account (account, roles, centres, commissions, presidencies): who, when, what; the latest first */
  @Get(':id/habilitations')
  @ApiOkResponse({ type: HabilitationPage })
  @ApiProblemResponses(400, { 404: 'UTILISATEUR_INTROUVABLE' })
  listHabilitations(@Param() params: UtilisateurParams, @Query() query: PageQueryDto): Promise<HabilitationPage> {
    return this.personnel.habilitations(params.id, query);
  }
}
