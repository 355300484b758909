import { ApiRequestExample } from '../common/api/api-request-example.decorator';
import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, EspaceCandidat, Public, Roles } from '../common/auth/auth.decorators';
import { Principal, Role } from '../common/auth/roles';
import { DureeUniforme } from '../common/security/duree-uniforme';
import { Throttled } from '../common/throttle/throttled.decorator';
import { ComptesService } from './comptes.service';
import {
  ActivationResultDto,
  ChangementEmailDto,
  ChangementMotDePasseDto,
  CreateCompteDto,
  DonneesPersonnellesDto,
  EmailDto,
  MessageDto,
  ReinitialisationDto,
  TokenDto,
} from './dto/compte.dto';

@ApiTags('Comptes candidats')
@Controller('comptes')
export class ComptesController {
  constructor(private readonly comptes: ComptesService) {}

  /** Creates a candidate account in the campaign in service; the answer never tells whether the address had one */
  @Post()
  @HttpCode(202)
  @Public()
  @EspaceCandidat()
  @Throttled({ name: 'compte', field: 'email' })
  @DureeUniforme()
  @ApiProblemResponses(400, { 403: 'CREATION_COMPTE_CAS_UNIQUEMENT', 422: ['CAMPAGNE_FERMEE', 'AUCUNE_CAMPAGNE_EN_SERVICE'] })
  @ApiRequestExample({ nom: 'Petit', prenom: 'Camille', email: 'camille.petit@example.org', emailConfirmation: 'camille.petit@example.org', password: 'une phrase de passe toute simple', passwordConfirmation: 'une phrase de passe toute simple' })
  createCompte(@Body() body: CreateCompteDto): Promise<MessageDto> {
    return this.comptes.create(body);
  }

  /** Activates an account with the token of the link received by mail */
  @Post('activation')
  @HttpCode(200)
  @Public()
  @EspaceCandidat()
  @Throttled({ name: 'lien' })
  @ApiProblemResponses(400, { 422: ['LIEN_ACTIVATION_EXPIRE', 'LIEN_ACTIVATION_INVALIDE'] })
  @ApiRequestExample({ token: 'Hk1sZx0bQk3o4Xb8w2y1pV7m9nC5aR6tL0uE3iS8dFg' })
  activateCompte(@Body() body: TokenDto): Promise<ActivationResultDto> {
    return this.comptes.activate(body.token);
  }

  /** « J'ai perdu mon code d'activation » : sends a new activation link; same answer for any address */
  @Post('activation/renvoi')
  @HttpCode(202)
  @Public()
  @EspaceCandidat()
  @Throttled({ name: 'compte', field: 'email' })
  @DureeUniforme()
  @ApiProblemResponses(400, { 422: 'AUCUNE_CAMPAGNE_EN_SERVICE' })
  @ApiRequestExample({ email: 'camille.petit@example.org' })
  resendActivation(@Body() body: EmailDto): Promise<MessageDto> {
    return this.comptes.resendActivation(body.email);
  }

  /** « J'ai oublié mes identifiants » : mails the numéro de dossier and a password-reset link; same answer for any address */
  @Post('identifiants-oublies')
  @HttpCode(202)
  @Public()
  @EspaceCandidat()
  @Throttled({ name: 'compte', field: 'email' })
  @DureeUniforme()
  @ApiProblemResponses(400, { 422: 'AUCUNE_CAMPAGNE_EN_SERVICE' })
  @ApiRequestExample({ email: 'camille.petit@example.org' })
  recoverIdentifiants(@Body() body: EmailDto): Promise<MessageDto> {
    return this.comptes.forgotIdentifiers(body.email);
  }

  /** Sets a new password with the token of the reset link (2 hours, one use); closes every session */
  @Post('mot-de-passe/reinitialisation')
  @HttpCode(204)
  @Public()
  @EspaceCandidat()
  @Throttled({ name: 'lien' })
  @ApiProblemResponses(400, { 422: ['LIEN_REINITIALISATION_EXPIRE', 'LIEN_REINITIALISATION_INVALIDE'] })
  @ApiRequestExample({ token: 'Qx7Lm2Nb8Vc3Xz9Ka4Sd1Fg6Hj0Kl5Pq2Wr8Ty3Ui7O', password: 'une nouvelle phrase de passe', passwordConfirmation: 'une nouvelle phrase de passe' })
  resetMotDePasse(@Body() body: ReinitialisationDto): Promise<void> {
    return this.comptes.resetPassword(body);
  }

  /**
   * Changes the logged-in candidate's password (the current one is required, its guesses throttled per account like
   * the login's); closes their other sessions and voids an outstanding reset link
   */
  @Put('moi/mot-de-passe')
  @HttpCode(204)
  @Roles(Role.CANDIDAT)
  @Throttled({ name: 'compte', principal: true })
  @ApiProblemResponses(400)
  @ApiRequestExample({ ancienPassword: 'demo-candidat-candidatures', password: 'une autre phrase de passe', passwordConfirmation: 'une autre phrase de passe' })
  updateMotDePasse(@CurrentPrincipal() principal: Principal, @Body() body: ChangementMotDePasseDto): Promise<void> {
    return this.comptes.changePassword(principal, body);
  }

  /**
   * Asks to change the logged-in candidate's e-mail: a link goes to the new address, the old one is told. Every
   * session is closed and logging in waits until the new address is validated. The same answer when another account
   * has the address: that account's owner gets a mail instead, and the caller's address stays.
   */
  @Put('moi/email')
  @HttpCode(202)
  @Roles(Role.CANDIDAT)
  @Throttled({ name: 'compte', field: 'email', principal: true })
  @ApiProblemResponses(400)
  @ApiRequestExample({ email: 'lucas.bernard@nouveau.example', emailConfirmation: 'lucas.bernard@nouveau.example', password: 'demo-candidat-candidatures' })
  updateEmail(@CurrentPrincipal() principal: Principal, @Body() body: ChangementEmailDto): Promise<MessageDto> {
    return this.comptes.changeEmail(principal, body);
  }

  /** Validates a new e-mail address with the token of the link sent to it */
  @Post('email/validation')
  @HttpCode(200)
  @Public()
  @EspaceCandidat()
  @Throttled({ name: 'lien' })
  @ApiProblemResponses(400, { 409: 'EMAIL_DEJA_UTILISE', 422: ['LIEN_EMAIL_EXPIRE', 'LIEN_EMAIL_INVALIDE'] })
  @ApiRequestExample({ token: 'Zp4Wq8Er2Ty6Ui0Op3As7Df1Gh5Jk9Lz2Xc6Vb0Nm4Q' })
  validateEmail(@Body() body: TokenDto): Promise<ActivationResultDto> {
    return this.comptes.validateEmail(body.token);
  }

  /** Everything the service holds about the logged-in candidate, as JSON (right of access, RGPD art. 15) */
  @Get('moi/donnees')
  @Roles(Role.CANDIDAT)
  getDonneesPersonnelles(@CurrentPrincipal() principal: Principal): Promise<DonneesPersonnellesDto> {
    return this.comptes.donnees(principal);
  }
}
