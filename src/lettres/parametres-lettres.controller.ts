import { Body, Controller, Delete, Get, HttpCode, Param, Put, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { ApiRequestExample } from '../common/api/api-request-example.decorator';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal, Role } from '../common/auth/roles';
import { IdParams } from '../offre/dto/gestion-offre.dto';
import { ApiFileUpload } from '../pieces/upload/api-file-upload.decorator';
import { UploadReceiver } from '../pieces/upload/receive-upload';
import {
  CommissionLettreDto,
  CommissionLettreInput,
  EtablissementLettreDto,
  EtablissementLettreInput,
  ImageEtablissementParams,
  TypeDiplomeLettreDto,
  TypeDiplomeLettreInput,
  TypeDiplomeParams,
} from './dto/parametres-lettres.dto';
import { IMAGE_LETTRE_MAX_OCTETS, ParametresLettresService } from './parametres-lettres.service';

const IMAGE = 'PNG or JPEG (checked by content and by drawing it: IMAGE_ILLISIBLE otherwise), at most 1 Mo';

/** The institution block of the letters and the text per type de diplôme (admin, scolarité centrale). */
@ApiTags('Lettres (paramétrage)')
@Controller('lettres')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE)
export class ParametresLettresController {
  constructor(
    private readonly parametres: ParametresLettresService,
    private readonly uploads: UploadReceiver,
  ) {}

  /** The institution block every letter prints (name, address, logo, signatory); nulls: the shipped letter's */
  @Get('etablissement')
  getEtablissementLettre(): Promise<EtablissementLettreDto> {
    return this.parametres.etablissement();
  }

  /** Replaces the institution's texts (a field left out or blank is unset; the images stay) */
  @Put('etablissement')
  @ApiProblemResponses(400)
  @ApiRequestExample({ nom: "Université d'Orléans", nomEn: 'University of Orléans', adresse: ['Château de la Source', 'Avenue du Parc Floral', '45100 Orléans'], signataireNom: 'Éric Blond', signataireTitre: "Président de l'université", signataireTitreEn: 'President of the University' })
  updateEtablissementLettre(@Body() body: EtablissementLettreInput, @CurrentPrincipal() principal: Principal): Promise<EtablissementLettreDto> {
    return this.parametres.enregistrerEtablissement(body, principal);
  }

  /** Uploads the logo or the institution signatory's signature image, replacing the previous one */
  @Put('etablissement/:image')
  @ApiFileUpload({ 400: 'IMAGE_ILLISIBLE' }, IMAGE)
  @ApiRequestExample(null, { image: 'logo' })
  uploadImageEtablissementLettre(@Param() params: ImageEtablissementParams, @Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal): Promise<EtablissementLettreDto> {
    return this.parametres.imageEtablissement(params.image, () => this.uploads.receive(request, { maxBytes: IMAGE_LETTRE_MAX_OCTETS, images: true }), principal);
  }

  /** Removes the logo or the signature image */
  @Delete('etablissement/:image')
  @ApiProblemResponses(400)
  deleteImageEtablissementLettre(@Param() params: ImageEtablissementParams, @CurrentPrincipal() principal: Principal): Promise<EtablissementLettreDto> {
    return this.parametres.supprimerImageEtablissement(params.image, principal);
  }

  /** The texts set per type de diplôme (those without one print none) */
  @Get('types-diplome')
  listTypesDiplomeLettre(): Promise<TypeDiplomeLettreDto[]> {
    return this.parametres.typesDiplome();
  }

  /** Sets the paragraph the letters of this type de diplôme's formations print (upstream #105) */
  @Put('types-diplome/:code')
  @ApiProblemResponses(400, { 404: 'TYPE_DIPLOME_INTROUVABLE' })
  @ApiRequestExample({ texte: "Conformément au règlement des études, votre inscription administrative vaut acceptation de la charte des examens.", texteEn: 'Enrolling means accepting the examination charter.' }, { code: 'MAS' })
  updateTypeDiplomeLettre(@Param() params: TypeDiplomeParams, @Body() body: TypeDiplomeLettreInput, @CurrentPrincipal() principal: Principal): Promise<TypeDiplomeLettreDto> {
    return this.parametres.enregistrerTypeDiplome(params.code, body, principal);
  }

  /** Removes the text of a type de diplôme */
  @Delete('types-diplome/:code')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblemResponses(400, { 404: 'TYPE_DIPLOME_INTROUVABLE' })
  async deleteTypeDiplomeLettre(@Param() params: TypeDiplomeParams): Promise<void> {
    await this.parametres.supprimerTypeDiplome(params.code);
  }
}

/** A commission's own letter settings, for whoever may change the commission (admin, scolarité centrale, its centre's gestionnaires). */
@ApiTags('Lettres (paramétrage)')
@Controller('offre/gestion/commissions')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE)
export class LettreCommissionController {
  constructor(
    private readonly parametres: ParametresLettresService,
    private readonly uploads: UploadReceiver,
  ) {}

  /** What this commission's letters say differently from the institution's */
  @Get(':id/lettre')
  @ApiProblemResponses(400, { 403: 'CENTRE_HORS_PERIMETRE', 404: 'COMMISSION_INTROUVABLE' })
  getCommissionLettre(@CurrentPrincipal() principal: Principal, @Param() params: IdParams): Promise<CommissionLettreDto> {
    return this.parametres.commission(principal, params.id);
  }

  /** Replaces the commission's signatory, address block and extra text (a field left out or blank is unset; the signature image stays) */
  @Put(':id/lettre')
  @ApiProblemResponses(400, { 403: 'CENTRE_HORS_PERIMETRE', 404: 'COMMISSION_INTROUVABLE' })
  @ApiRequestExample(
    { signataireNom: 'Martine Bodusseau', signataireTitre: "Directrice des études de l'OSUC", signataireTitreEn: 'Director of Studies, OSUC', adresse: ['OSUC - Scolarité', '1A rue de la Férollerie', '45071 Orléans Cedex 2'], texte: 'Les enseignements commencent le 1er septembre.', texteEn: 'Classes start on 1 September.' },
    { id: 1 },
  )
  updateCommissionLettre(@CurrentPrincipal() principal: Principal, @Param() params: IdParams, @Body() body: CommissionLettreInput): Promise<CommissionLettreDto> {
    return this.parametres.enregistrerCommission(principal, params.id, body);
  }

  /** Uploads the signature image of the commission's signatory, replacing the previous one */
  @Put(':id/lettre/signature')
  @ApiFileUpload({ 400: 'IMAGE_ILLISIBLE', 403: 'CENTRE_HORS_PERIMETRE', 404: 'COMMISSION_INTROUVABLE' }, IMAGE)
  @ApiRequestExample(null, { id: 1 })
  uploadSignatureCommissionLettre(@CurrentPrincipal() principal: Principal, @Param() params: IdParams, @Req() request: FastifyRequest): Promise<CommissionLettreDto> {
    return this.parametres.signatureCommission(principal, params.id, () => this.uploads.receive(request, { maxBytes: IMAGE_LETTRE_MAX_OCTETS, images: true }));
  }

  /** Removes the commission's signature image */
  @Delete(':id/lettre/signature')
  @ApiProblemResponses(400, { 403: 'CENTRE_HORS_PERIMETRE', 404: 'COMMISSION_INTROUVABLE' })
  deleteSignatureCommissionLettre(@CurrentPrincipal() principal: Principal, @Param() params: IdParams): Promise<CommissionLettreDto> {
    return this.parametres.supprimerSignatureCommission(principal, params.id);
  }
}
