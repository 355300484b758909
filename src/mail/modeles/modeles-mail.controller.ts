import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../common/api/api-problem-responses.decorator';
import { ApiRequestExample } from '../../common/api/api-request-example.decorator';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import { Principal, Role } from '../../common/auth/roles';
import { ApercuModeleMailDto, EnvoiTestModeleMailDto, ModeleMailDto, ModeleMailResumeDto, PreviewModeleMailDto, UpdateModeleMailDto } from './dto/modele-mail.dto';
import { ModelesMailService } from './modeles-mail.service';

const EXEMPLE = { code: 'CPT_MIN_CREATE', langue: 'fr' };

/** The mail texts, per mail code and language: shipped with the application, changed by the scolarité centrale. */
@ApiTags('Administration')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE)
@Controller('admin/modeles-mail')
export class ModelesMailController {
  constructor(private readonly modeles: ModelesMailService) {}

  /** Every mail code whose text may be changed, its variables, and the languages whose text was changed */
  @Get()
  listModelesMail(): Promise<ModeleMailResumeDto[]> {
    return this.modeles.liste();
  }

  /** The text of a mail code in a language (`fr`, `en`): the one mails are written with, and the shipped one */
  @Get(':code/:langue')
  @ApiProblemResponses({ 404: 'MODELE_MAIL_INTROUVABLE' })
  getModeleMail(@Param('code') code: string, @Param('langue') langue: string): Promise<ModeleMailDto> {
    return this.modeles.lire(code, langue);
  }

  /**
   * Saves a new text: the next mail of this code and language, on every instance, is written with it. Refused (400,
   * naming it) when it does not parse or uses a variable the code does not offer; values are HTML-escaped in mails
   */
  @Put(':code/:langue')
  @ApiProblemResponses(400, { 404: 'MODELE_MAIL_INTROUVABLE' })
  @ApiRequestExample(
    { sujet: 'Bienvenue {{prenom}} : votre compte candidat', corps: 'Bonjour {{prenom}} {{nom}},\n\nVotre numéro de dossier est {{numeroDossier}}. Activez votre compte avant le {{avant}}.\n\n{{lien lien "Activer mon compte"}}' },
    EXEMPLE,
  )
  updateModeleMail(@Param('code') code: string, @Param('langue') langue: string, @Body() dto: UpdateModeleMailDto, @CurrentPrincipal() principal: Principal): Promise<ModeleMailDto> {
    return this.modeles.enregistrer(code, langue, dto, principal);
  }

  /** Back to the shipped text */
  @Delete(':code/:langue')
  @ApiProblemResponses({ 404: 'MODELE_MAIL_INTROUVABLE' })
  resetModeleMail(@Param('code') code: string, @Param('langue') langue: string): Promise<ModeleMailDto> {
    return this.modeles.reinitialiser(code, langue);
  }

  /** The mail with the code's sample values: of the text given (not saved), or of the current one without a body */
  @Post(':code/:langue/apercu')
  @HttpCode(200)
  @ApiProblemResponses(400, { 404: 'MODELE_MAIL_INTROUVABLE' })
  @ApiRequestExample({ sujet: 'Bienvenue {{prenom}}', corps: 'Bonjour {{prenom}} {{nom}},\n\n{{lien lien "Activer mon compte"}}' }, EXEMPLE)
  previewModeleMail(@Param('code') code: string, @Param('langue') langue: string, @Body() dto: PreviewModeleMailDto): Promise<ApercuModeleMailDto> {
    return this.modeles.apercu(code, langue, dto);
  }

  /** Sends the current text, with the sample values, to the caller's own address (through the outbox) */
  @Post(':code/:langue/test')
  @HttpCode(202)
  @ApiProblemResponses({ 404: ['MODELE_MAIL_INTROUVABLE', 'ADRESSE_INTROUVABLE'] })
  sendModeleMailTest(@Param('code') code: string, @Param('langue') langue: string, @CurrentPrincipal() principal: Principal): Promise<EnvoiTestModeleMailDto> {
    return this.modeles.envoyerTest(code, langue, principal);
  }
}
