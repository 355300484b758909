import { ApiRequestExample } from '../common/api/api-request-example.decorator';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal, Role } from '../common/auth/roles';
import { ChecksVersion, IfMatch, ReadsVersion } from '../common/concurrency/versioned';
import { AdresseDto, AdresseInput, BacDto, BacInput, CoordonneesInput, DossierDto, IdentiteDto, IdentiteEnregistreeDto, IdentiteInput } from './dto/dossier.dto';
import { DossierService } from './dossier.service';

/** The logged-in candidate's own file. */
@ApiTags('Dossier candidat')
@Controller('candidat')
@Roles(Role.CANDIDAT)
export class DossierController {
  constructor(private readonly dossiers: DossierService) {}

  /** The whole file in one call, with what is still missing before applying */
  @Get('dossier')
  getDossier(@CurrentPrincipal() principal: Principal): Promise<DossierDto> {
    return this.dossiers.dossier(principal.id);
  }

  /** Informations personnelles; 404 until filled in */
  @Get('identite')
  @ReadsVersion(IdentiteDto)
  @ApiProblemResponses({ 404: 'SECTION_NON_RENSEIGNEE' })
  getIdentite(@CurrentPrincipal() principal: Principal): Promise<IdentiteDto> {
    return this.dossiers.identite(principal.id);
  }

  /** Fills in or changes the informations personnelles (If-Match of the version read when they exist); `avertissements` says what to check again */
  @Put('identite')
  @ChecksVersion(IdentiteEnregistreeDto)
  @ApiProblemResponses(400, { 409: 'INE_DEJA_UTILISE', 422: ['DONNEES_IMPORTEES', 'IDENTITE_VERROUILLEE'] })
  @ApiRequestExample({ civilite: 'M', nomNaissance: 'BERNARD', prenom: 'Lucas', autresPrenoms: 'Jean', dateNaissance: '2004-06-02', paysNaissance: 'FR', departementNaissance: '45', communeNaissance: '45234', nationalite: 'FR', ine: '31000000048', telephone: '02 38 41 71 71', telephonePortable: '06 12 34 56 78' })
  updateIdentite(@CurrentPrincipal() principal: Principal, @Body() body: IdentiteInput, @IfMatch() ifMatch?: number): Promise<IdentiteEnregistreeDto> {
    return this.dossiers.saveIdentite(principal.id, body, ifMatch);
  }

  /** Changes phones and language, which stay editable when the identity is locked (If-Match of the identity) */
  @Put('identite/coordonnees')
  @ChecksVersion(IdentiteDto)
  @ApiProblemResponses(400, { 404: 'SECTION_NON_RENSEIGNEE' })
  @ApiRequestExample({ telephone: '02 38 41 71 71', telephonePortable: '06 12 34 56 78', langue: 'fr' })
  updateCoordonnees(@CurrentPrincipal() principal: Principal, @Body() body: CoordonneesInput, @IfMatch() ifMatch?: number): Promise<IdentiteDto> {
    return this.dossiers.saveCoordonnees(principal.id, body, ifMatch);
  }

  /** Postal address; 404 until filled in */
  @Get('adresse')
  @ReadsVersion(AdresseDto)
  @ApiProblemResponses({ 404: 'SECTION_NON_RENSEIGNEE' })
  getAdresse(@CurrentPrincipal() principal: Principal): Promise<AdresseDto> {
    return this.dossiers.adresse(principal.id);
  }

  /** Fills in or changes the address: in France, postal code and commune of the reference data; abroad, city and country */
  @Put('adresse')
  @ChecksVersion(AdresseDto)
  @ApiProblemResponses(400)
  @ApiRequestExample({ pays: 'FR', ligne1: "3 rue Jeanne d'Arc", codePostal: '45000', commune: '45234' })
  updateAdresse(@CurrentPrincipal() principal: Principal, @Body() body: AdresseInput, @IfMatch() ifMatch?: number): Promise<AdresseDto> {
    return this.dossiers.saveAdresse(principal.id, body, ifMatch);
  }

  /** Baccalauréat or equivalent; 404 until filled in */
  @Get('bac')
  @ReadsVersion(BacDto)
  @ApiProblemResponses({ 404: 'SECTION_NON_RENSEIGNEE' })
  getBac(@CurrentPrincipal() principal: Principal): Promise<BacDto> {
    return this.dossiers.bac(principal.id);
  }

  /** Fills in or changes the baccalauréat: a série valid for the year, the spécialités of the general bac from 2021 */
  @Put('bac')
  @ChecksVersion(BacDto)
  @ApiProblemResponses(400, { 422: 'DONNEES_IMPORTEES' })
  @ApiRequestExample({ serie: 'GEN', annee: 2022, mention: 'AB', specialites: ['MATHS', 'PC'], pays: 'FR', departement: '45', commune: '45234' })
  updateBac(@CurrentPrincipal() principal: Principal, @Body() body: BacInput, @IfMatch() ifMatch?: number): Promise<BacDto> {
    return this.dossiers.saveBac(principal.id, body, ifMatch);
  }
}
