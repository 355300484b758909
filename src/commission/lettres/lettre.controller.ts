import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { CandidatureParams } from '../../candidature/dto/candidature.dto';
import { ApiProblemResponses } from '../../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import { Principal, Role } from '../../common/auth/roles';
import { FileDownload, sendFile } from '../../pieces/upload/send-file';
import { MailAttachment } from '../../mail/mail.transport';
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
  @FileDownload('The letter (PDF)')
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
  @FileDownload('The letter (PDF)')
  @ApiProblemResponses(400, { 404: ['CANDIDATURE_INTROUVABLE', 'LETTRE_INTROUVABLE'] })
  async downloadLettre(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<StreamableFile> {
    return envoyer(await this.lettres.pourStaff(principal, params.id));
  }
}
