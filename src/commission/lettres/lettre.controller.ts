import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { CandidatureParams } from '../../candidature/dto/candidature.dto';
import { ApiProblemResponses } from '../../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import { Principal, Role } from '../../common/auth/roles';
import { PdfDownload, sendFile } from '../../pieces/upload/send-file';
import { MailAttachment } from '../../mail/mail.transport';
import { ApercuLettreQuery } from '../../lettres/dto/parametres-lettres.dto';
import { LettreService } from './lettre.service';

const envoyer = (lettre: MailAttachment) => sendFile({ stream: Readable.from(lettre.content), type: 'application/pdf', taille: lettre.content.length, nom: lettre.filename });

/** The candidate's admission or refusal letter. */
@ApiTags('Candidatures')
@Controller('candidat/candidatures')
@Roles(Role.CANDIDAT)
export class LettreController {
  constructor(private readonly lettres: LettreService) {}

  /** The lettre d'admission or de refus of the published decision, when the commission lets candidates download it */
  @Get(':id/lettre.pdf')
  @PdfDownload('The letter (PDF)')
  @ApiProblemResponses(400, { 404: ['CANDIDATURE_INTROUVABLE', 'LETTRE_INTROUVABLE'], 422: 'LETTRE_INDISPONIBLE' })
  async downloadOwnLettre(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<StreamableFile> {
    return envoyer(await this.lettres.pourCandidat(principal.id, params.id));
  }
}

/** Staff preview of a candidature's letter, within their scope (AccesCandidatures). */
@ApiTags('Candidatures (gestion)')
@Controller('candidatures')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE, Role.COMMISSION)
export class LettreStaffController {
  constructor(private readonly lettres: LettreService) {}

  /** A preview of the letter of the candidature's latest favourable or défavorable avis (entered, validated or published), in the candidate's language */
  @Get(':id/lettre.pdf')
  @PdfDownload('The letter (PDF)')
  @ApiProblemResponses(400, { 404: ['CANDIDATURE_INTROUVABLE', 'LETTRE_INTROUVABLE'] })
  async downloadLettre(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<StreamableFile> {
    return envoyer(await this.lettres.pourStaff(principal, params.id));
  }
}

/** Staff setting up the letters see one of each kind with sample data and the current settings. */
@ApiTags('Lettres (paramétrage)')
@Controller('lettres')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE)
export class ApercuLettreController {
  constructor(private readonly lettres: LettreService) {}

  /** A letter (admission or refus) with sample data and the current settings: the institution's, a commission's of the caller's scope, a type de diplôme's text */
  @Get('apercu.pdf')
  @PdfDownload('The letter (PDF)')
  @ApiProblemResponses(400, { 403: 'CENTRE_HORS_PERIMETRE', 404: ['COMMISSION_INTROUVABLE', 'TYPE_DIPLOME_INTROUVABLE'] })
  downloadApercuLettre(@CurrentPrincipal() principal: Principal, @Query() query: ApercuLettreQuery): Promise<StreamableFile> {
    return this.lettres.apercu(principal, query).then(envoyer);
  }
}
