import { ApiRequestExample } from '../common/api/api-request-example.decorator';
import { Body, Controller, Get, Param, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal, Role } from '../common/auth/roles';
import { ChecksVersion, EtagInterceptor, IfMatch } from '../common/concurrency/versioned';
import { PageOf } from '../common/pagination/page';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import {
  CentreDto,
  CentreInput,
  CommissionDto,
  CommissionInput,
  CommissionQueryDto,
  FormationDto,
  FormationInput,
  FormationQueryDto,
  IdParams,
} from './dto/gestion-offre.dto';
import { GestionOffreService } from './gestion-offre.service';

class CentrePage extends PageOf(CentreDto) {}
class CommissionPage extends PageOf(CommissionDto) {}
class FormationPage extends PageOf(FormationDto) {}

const ETAG = { ETag: { description: 'Version of the new row: send it back as If-Match to change it', schema: { type: 'string' } } };

/**
 * Set-up of the offer by staff: scolarité centrale and admin everywhere, a gestionnaire the commissions and
 * formations of their centres (PerimetreOffre).
 */
@ApiTags('Offre de formation (gestion)')
@Controller('offre/gestion')
@Roles(Role.SCOL_CENTRALE, Role.ADMIN, Role.GESTIONNAIRE)
export class GestionOffreController {
  constructor(private readonly gestion: GestionOffreService) {}

  /** Centres de candidature, by code (a gestionnaire sees those of their scope) */
  @Get('centres')
  @ApiOkResponse({ type: CentrePage })
  @ApiProblemResponses(400)
  listCentres(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<CentrePage> {
    return this.gestion.listCentres(principal, query);
  }

  /** Creates a centre de candidature (scolarité centrale, admin) */
  @Post('centres')
  @UseInterceptors(EtagInterceptor)
  @ApiCreatedResponse({ type: CentreDto, headers: ETAG })
  @ApiProblemResponses(400, { 403: 'CENTRES_RESERVES_SCOLARITE', 409: 'CODE_DEJA_UTILISE' })
  @ApiRequestExample({ code: 'IAE', libelle: 'IAE Orléans - École universitaire de management', contactEmail: 'scolarite.iae@univ-orleans.fr', contactTelephone: '02 38 41 71 00', maxVoeux: 3, dematDefaut: true })
  createCentre(@CurrentPrincipal() principal: Principal, @Body() body: CentreInput): Promise<CentreDto> {
    return this.gestion.createCentre(principal, body);
  }

  /** Changes a centre de candidature, its code excepted (If-Match of the version read) */
  @Put('centres/:id')
  @ChecksVersion(CentreDto)
  @ApiProblemResponses(400, { 403: 'CENTRES_RESERVES_SCOLARITE', 404: 'CENTRE_INTROUVABLE', 422: 'CODE_NON_MODIFIABLE' })
  @ApiRequestExample({ code: 'OSUC', libelle: "Observatoire des Sciences de l'Univers en région Centre (OSUC)", contactEmail: 'admission-osuc@univ-orleans.fr', contactTelephone: '02 38 49 46 24', maxVoeux: 5, dematDefaut: false }, { id: 1 })
  updateCentre(@CurrentPrincipal() principal: Principal, @Param() params: IdParams, @Body() body: CentreInput, @IfMatch() ifMatch?: number): Promise<CentreDto> {
    return this.gestion.updateCentre(principal, params.id, body, ifMatch);
  }

  /** Commissions, by code, optionally of one centre */
  @Get('commissions')
  @ApiOkResponse({ type: CommissionPage })
  @ApiProblemResponses(400)
  listCommissions(@CurrentPrincipal() principal: Principal, @Query() query: CommissionQueryDto): Promise<CommissionPage> {
    return this.gestion.listCommissions(principal, query);
  }

  /** Creates a commission in a centre of the caller's scope */
  @Post('commissions')
  @UseInterceptors(EtagInterceptor)
  @ApiCreatedResponse({ type: CommissionDto, headers: ETAG })
  @ApiProblemResponses(400, { 403: 'CENTRE_HORS_PERIMETRE', 409: 'CODE_DEJA_UTILISE' })
  @ApiRequestExample({ centreId: 2, code: 'DEG-MASTER', libelle: 'DEG - MASTERS', adresse: { ligne1: 'Rue de Blois', codePostal: '45067', commune: '45234', ville: 'ORLEANS CEDEX 2', pays: 'FR' }, email: 'scolarite.deg@univ-orleans.fr', signataire: 'Le directeur des études' })
  createCommission(@CurrentPrincipal() principal: Principal, @Body() body: CommissionInput): Promise<CommissionDto> {
    return this.gestion.createCommission(principal, body);
  }

  /** Changes a commission, its code excepted (If-Match of the version read) */
  @Put('commissions/:id')
  @ChecksVersion(CommissionDto)
  @ApiProblemResponses(400, { 403: 'CENTRE_HORS_PERIMETRE', 404: 'COMMISSION_INTROUVABLE', 422: 'CODE_NON_MODIFIABLE' })
  @ApiRequestExample({ centreId: 1, code: 'OSUC-SCOL', libelle: 'OSUC - SCOLARITE', adresse: { ligne1: 'Martine BODUSSEAU', ligne2: '1 A rue de la Férollerie', codePostal: '45071', commune: '45234', ville: 'ORLEANS CEDEX 2', pays: 'FR' }, email: 'admission-osuc@univ-orleans.fr', telephone: '02 38 49 46 24', signataire: 'Martine BODUSSEAU', lettreJointeAuMail: true }, { id: 1 })
  updateCommission(@CurrentPrincipal() principal: Principal, @Param() params: IdParams, @Body() body: CommissionInput, @IfMatch() ifMatch?: number): Promise<CommissionDto> {
    return this.gestion.updateCommission(principal, params.id, body, ifMatch);
  }

  /** Formations, by code, optionally of one centre or commission */
  @Get('formations')
  @ApiOkResponse({ type: FormationPage })
  @ApiProblemResponses(400)
  listFormations(@CurrentPrincipal() principal: Principal, @Query() query: FormationQueryDto): Promise<FormationPage> {
    return this.gestion.listFormations(principal, query);
  }

  /** Creates a formation in a commission of the caller's scope; its dates must follow each other as the reference system wants */
  @Post('formations')
  @UseInterceptors(EtagInterceptor)
  @ApiCreatedResponse({ type: FormationDto, headers: ETAG })
  @ApiProblemResponses(400, { 403: 'CENTRE_HORS_PERIMETRE', 409: 'CODE_DEJA_UTILISE' })
  @ApiRequestExample({ commissionId: 2, code: 'LP-GRH', libelle: 'LP METIERS DE LA GRH : ASSISTANT', motsCles: 'ressources humaines paie', typeDiplome: 'LP', typeTraitement: 'AC', demat: true, dateDebutCandidature: '2027-01-04', dateFinCandidature: '2027-04-30', dateRetour: '2027-05-07', dateJury: '2027-06-10', datePublication: '2027-06-15', dateConfirmation: '2027-06-30', capacite: 24, informationsComplementaires: "Formation en alternance : joindre la promesse d'embauche si vous en avez une." })
  createFormation(@CurrentPrincipal() principal: Principal, @Body() body: FormationInput): Promise<FormationDto> {
    return this.gestion.createFormation(principal, body);
  }

  /** Changes a formation (If-Match of the version read) */
  @Put('formations/:id')
  @ChecksVersion(FormationDto)
  @ApiProblemResponses(400, { 403: 'CENTRE_HORS_PERIMETRE', 404: 'FORMATION_INTROUVABLE', 409: 'CODE_DEJA_UTILISE' })
  @ApiRequestExample({ commissionId: 2, code: 'LP-GRH', libelle: 'LP METIERS DE LA GRH : ASSISTANT', motsCles: 'ressources humaines paie alternance', typeDiplome: 'LP', typeTraitement: 'AC', demat: true, dateDebutCandidature: '2027-01-04', dateFinCandidature: '2027-04-30', dateRetour: '2027-05-07', dateJury: '2027-06-10', datePublication: '2027-06-15', dateConfirmation: '2027-06-30', capacite: 28, informationsComplementaires: "Formation en alternance : joindre la promesse d'embauche si vous en avez une." }, { id: 7 })
  updateFormation(@CurrentPrincipal() principal: Principal, @Param() params: IdParams, @Body() body: FormationInput, @IfMatch() ifMatch?: number): Promise<FormationDto> {
    return this.gestion.updateFormation(principal, params.id, body, ifMatch);
  }
}
