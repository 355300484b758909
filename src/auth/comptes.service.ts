import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { Principal } from '../common/auth/roles';
import { Clock } from '../common/clock/clock';
import { Langue } from '../common/i18n/langue';
import { cleIdentifiant } from '../common/text/cle-identifiant';
import { lienFrontEnd } from '../common/front-end/front-end-pages';
import { BusinessRule, Conflict, Forbidden, ValidationFailed } from '../common/errors/domain-errors';
import { AppConfig, appConfig } from '../config';
import { isUniqueViolation } from '../database/unique-violation';
import { OutboxService } from '../mail/outbox.service';
import {
  adresseDejaUtilisee,
  changementEmailDemande,
  compteCree,
  compteExistant,
  identifiantsOublies,
  nouveauLienActivation,
  validationNouvelEmail,
} from '../mail/templates/compte.templates';
import { CampagneService } from '../offre/campagne.service';
import {
  ActivationResultDto,
  ChangementEmailDto,
  ChangementMotDePasseDto,
  CreateCompteDto,
  DonneesPersonnellesDto,
  MessageDto,
  ReinitialisationDto,
} from './dto/compte.dto';
import { motsNouveauCompte } from '../candidature/liste-candidature-colonnes';
import { CompteCandidat } from './entities/compte-candidat.entity';
import { NumeroDossier } from './entities/numero-dossier.entity';
import { NumeroDossierService } from './numero-dossier.service';
import { DossierService } from '../candidat/dossier.service';
import { ScolariteService } from '../candidat/scolarite.service';
import { assertAcceptablePassword } from './password-policy';
import { TAILLE_LOT, supprimerParLots } from '../database/par-lots';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets';
import { SessionService } from './session.service';

const RESET_LINK_MS = 2 * 3_600_000;
const EMAIL_LINK_MS = 48 * 3_600_000;
const PASSWORD_MISMATCH = { field: 'passwordConfirmation', message: "n'est pas identique au mot de passe" };

const EMAIL_MISMATCH = { field: 'emailConfirmation', message: "n'est pas identique à l'adresse e-mail" };
const WRONG_PASSWORD = (field: string) => new ValidationFailed([{ field, message: "n'est pas votre mot de passe actuel" }]);
const NO_EMAIL_CHANGE = { emailNouveau: null, emailTokenHash: null, emailTokenExpiresAt: null };
/** A password set (changed or reset) voids the reset link still outstanding: it was issued for the old one. */
const NO_RESET_LINK = { resetTokenHash: null, resetExpiresAt: null };
const sameAddress = (a: string, b: string) => cleIdentifiant(a) === cleIdentifiant(b);

function assertConfirmed(password: string, confirmation: string): void {
  if (password !== confirmation) throw new ValidationFailed([PASSWORD_MISMATCH]);
}
const SAME_ANSWER: MessageDto = {
  message: 'Si cette adresse peut recevoir un compte, un mail vient de lui être envoyé : suivez ses instructions.',
};

/** Candidate accounts: creation without revealing which addresses have one, activation, lost links, passwords, purge. */
@Injectable()
export class ComptesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly campagnes: CampagneService,
    private readonly sessions: SessionService,
    private readonly numeros: NumeroDossierService,
    private readonly dossiers: DossierService,
    private readonly scolarite: ScolariteService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  /**
   * Creates the account and queues CPT_MIN_CREATE; an address that already has an account in the campaign gets a
   * mail saying so instead. Both cases answer the same thing after the same work (one argon2 hash, one mail row).
   */
  async create(dto: CreateCompteDto): Promise<MessageDto> {
    const errors = [
      ...(sameAddress(dto.email, dto.emailConfirmation) ? [] : [EMAIL_MISMATCH]),
      ...(dto.password !== dto.passwordConfirmation ? [PASSWORD_MISMATCH] : []),
    ];
    if (errors.length > 0) throw new ValidationFailed(errors);
    assertAcceptablePassword(dto.password);
    // Outside the campaign's window nobody may create an account: the same 422 for any address.
    const campagne = await this.campagnes.ouverte();
    if (!campagne.creationComptesHorsCas) {
      throw new Forbidden(
        'CREATION_COMPTE_CAS_UNIQUEMENT',
        "Les comptes de cette campagne s'ouvrent uniquement par le CAS de l'université : connectez-vous avec votre identifiant universitaire (« Je suis étudiant de l'établissement »), votre compte sera créé à la première connexion.",
      );
    }
    const passwordHash = await hashPassword(dto.password);
    const email = dto.email.trim();
    const langue = dto.langue ?? Langue.FR;
    try {
      await this.dataSource.transaction(async (em) => {
        const exists = await em.getRepository(CompteCandidat).existsBy({ campagneId: campagne.id, emailNormalise: cleIdentifiant(email) });
        if (exists) return this.tellAccountExists(em, email, langue);
        const now = this.clock.now();
        const { token, hash } = newToken();
        const compte = {
          campagneId: campagne.id,
          numeroDossier: await this.numeros.issue(em),
          email,
          emailNormalise: cleIdentifiant(email),
          nom: dto.nom.trim(),
          prenom: dto.prenom.trim(),
          langue,
          passwordHash,
          active: false,
          activationTokenHash: hash,
          activationDeadline: new Date(now.getTime() + this.app.joursActivation * 86_400_000),
          activatedAt: null,
          createdAt: now,
        };
        const { identifiers } = await em.getRepository(CompteCandidat).insert(compte);
        await motsNouveauCompte(em, { ...compte, id: Number((identifiers[0] as { id: number }).id) });
        await this.outbox.enqueue(em, {
          code: 'CPT_MIN_CREATE',
          to: email,
          ...compteCree({ ...compte, lien: lienFrontEnd(this.app.publicUrl, 'activationCompte', { token }), avant: compte.activationDeadline }),
        });
      });
    } catch (error) {
      // Two creations of the same address at once: the unique index lets one through; the other is told it exists.
      if (!isUniqueViolation(error)) throw error;
      await this.dataSource.transaction((em) => this.tellAccountExists(em, email, langue));
    }
    return SAME_ANSWER;
  }

  /** Activates the account of an activation link: one use, before the deadline. */
  async activate(token: string): Promise<ActivationResultDto> {
    const repo = this.dataSource.getRepository(CompteCandidat);
    const compte = await repo.findOneBy({ activationTokenHash: hashToken(token) });
    if (!compte || compte.active) {
      throw new BusinessRule('LIEN_ACTIVATION_INVALIDE', "Ce lien d'activation n'est pas valide ou a déjà servi. Si votre compte est déjà activé, connectez-vous.");
    }
    const now = this.clock.now();
    if (compte.activationDeadline <= now) {
      throw new BusinessRule('LIEN_ACTIVATION_EXPIRE', "Ce lien d'activation a expiré : le délai pour activer votre compte est dépassé, créez-en un nouveau.");
    }
    const done = await repo.update({ id: compte.id, active: false }, { active: true, activatedAt: now, activationTokenHash: null });
    if (done.affected !== 1) throw new BusinessRule('LIEN_ACTIVATION_INVALIDE', "Ce lien d'activation a déjà servi.");
    return { numeroDossier: compte.numeroDossier, message: 'Votre compte est activé : connectez-vous avec votre numéro de dossier et votre mot de passe.' };
  }

  /** "J'ai perdu mon code d'activation": a new link for an account not yet activated. Same answer for any address. */
  async resendActivation(email: string): Promise<MessageDto> {
    const campagne = await this.campagnes.enService();
    await this.dataSource.transaction(async (em) => {
      const compte = await em.getRepository(CompteCandidat).findOneBy({ campagneId: campagne.id, emailNormalise: cleIdentifiant(email) });
      if (compte && !compte.active) await this.sendActivationLink(em, compte);
    });
    return SAME_ANSWER;
  }

  /**
   * "J'ai oublié mes identifiants": the numéro de dossier and a password-reset link (2 hours, one use). An account
   * not yet activated gets a new activation link instead. Same answer for any address.
   */
  async forgotIdentifiers(email: string): Promise<MessageDto> {
    const campagne = await this.campagnes.enService();
    await this.dataSource.transaction(async (em) => {
      const compte = await em.getRepository(CompteCandidat).findOneBy({ campagneId: campagne.id, emailNormalise: cleIdentifiant(email) });
      if (!compte) return;
      if (!compte.active) return this.sendActivationLink(em, compte);
      const { token, hash } = newToken();
      const avant = new Date(this.clock.now().getTime() + RESET_LINK_MS);
      await em.getRepository(CompteCandidat).update({ id: compte.id }, { resetTokenHash: hash, resetExpiresAt: avant });
      await this.outbox.enqueue(em, {
        code: 'CPT_MIN_MDP_OUBLIE',
        to: compte.email,
        ...identifiantsOublies({ ...compte, lien: lienFrontEnd(this.app.publicUrl, 'reinitialisationMotDePasse', { token }), avant }),
      });
    });
    return SAME_ANSWER;
  }

  /** Sets a new password from a reset link (one use, before it expires) and closes every session of the account. */
  async resetPassword(dto: ReinitialisationDto): Promise<void> {
    assertConfirmed(dto.password, dto.passwordConfirmation);
    assertAcceptablePassword(dto.password);
    const repo = this.dataSource.getRepository(CompteCandidat);
    const tokenHash = hashToken(dto.token);
    const compte = await repo.findOneBy({ resetTokenHash: tokenHash });
    if (!compte) throw new BusinessRule('LIEN_REINITIALISATION_INVALIDE', "Ce lien n'est pas valide ou a déjà servi : demandez-en un nouveau.");
    if ((compte.resetExpiresAt as Date) <= this.clock.now()) {
      throw new BusinessRule('LIEN_REINITIALISATION_EXPIRE', 'Ce lien a expiré (il vaut 2 heures) : demandez-en un nouveau.');
    }
    const passwordHash = await hashPassword(dto.password);
    const done = await repo.update({ id: compte.id, resetTokenHash: tokenHash }, {
      passwordHash,
      ...NO_RESET_LINK,
      // The old address proved it is still the owner's: a pending e-mail change (perhaps not theirs) is dropped.
      ...NO_EMAIL_CHANGE,
    });
    if (done.affected !== 1) throw new BusinessRule('LIEN_REINITIALISATION_INVALIDE', 'Ce lien a déjà servi.');
    await this.sessions.revokeAll({ compteCandidatId: compte.id });
  }

  /**
   * Changes the password of the logged-in candidate (old one required, the route throttles guesses); their other
   * sessions are closed and an outstanding reset link is void.
   */
  async changePassword(principal: Principal, dto: ChangementMotDePasseDto): Promise<void> {
    assertConfirmed(dto.password, dto.passwordConfirmation);
    const repo = this.dataSource.getRepository(CompteCandidat);
    const compte = await repo.findOneByOrFail({ id: principal.id });
    if (!(await verifyPassword(compte.passwordHash, dto.ancienPassword))) throw WRONG_PASSWORD('ancienPassword');
    assertAcceptablePassword(dto.password);
    await repo.update({ id: compte.id }, { passwordHash: await hashPassword(dto.password), ...NO_RESET_LINK });
    await this.sessions.revokeAll({ compteCandidatId: compte.id }, principal.sessionId);
  }

  /**
   * E-mail change (CPT_MIN_MOD_MAIL): the new address, unused in the campaign, gets a validation link; the old one
   * is told. Every session is closed and logging in waits until the link is followed (or expires: 48 hours).
   * An address another account of the campaign has gets CPT_MIN_MOD_MAIL_EXISTANT instead and the caller's address
   * stays (a pending change is dropped, as a new request would replace it): the answer, the closed sessions and the
   * word to the old address are the same, so the form does not tell which addresses have an account.
   */
  async changeEmail(principal: Principal, dto: ChangementEmailDto): Promise<MessageDto> {
    if (!sameAddress(dto.email, dto.emailConfirmation)) throw new ValidationFailed([EMAIL_MISMATCH]);
    const email = dto.email.trim();
    const compte = await this.dataSource.getRepository(CompteCandidat).findOneByOrFail({ id: principal.id });
    if (!(await verifyPassword(compte.passwordHash, dto.password))) throw WRONG_PASSWORD('password');
    if (sameAddress(email, compte.email)) throw new ValidationFailed([{ field: 'email', message: "est déjà l'adresse de votre compte" }]);
    const avant = new Date(this.clock.now().getTime() + EMAIL_LINK_MS);
    const lienIdentifiantsOublies = lienFrontEnd(this.app.publicUrl, 'identifiantsOublies', {});
    await this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(CompteCandidat);
      const titulaire = await repo.findOneBy({ campagneId: compte.campagneId, emailNormalise: cleIdentifiant(email) });
      if (titulaire) {
        await repo.update({ id: compte.id }, NO_EMAIL_CHANGE);
        await this.outbox.enqueue(em, { code: 'CPT_MIN_MOD_MAIL_EXISTANT', to: titulaire.email, ...adresseDejaUtilisee({ ...titulaire, lienIdentifiantsOublies }) });
      } else {
        const { token, hash } = newToken();
        await repo.update({ id: compte.id }, { emailNouveau: email, emailTokenHash: hash, emailTokenExpiresAt: avant });
        await this.outbox.enqueue(em, {
          code: 'CPT_MIN_MOD_MAIL',
          to: email,
          ...validationNouvelEmail({ ...compte, lien: lienFrontEnd(this.app.publicUrl, 'validationEmail', { token }), avant }),
        });
      }
      await this.outbox.enqueue(em, {
        code: 'CPT_MIN_MOD_MAIL_INFO',
        to: compte.email,
        ...changementEmailDemande({ ...compte, nouvelEmail: email, lienIdentifiantsOublies }),
      });
    });
    await this.sessions.revokeAll({ compteCandidatId: compte.id });
    return {
      message: `Si ${email} peut devenir votre adresse, un lien de validation vient de lui être envoyé. Vous êtes déconnecté : suivez ce lien, puis reconnectez-vous avec votre numéro de dossier.`,
    };
  }

  /** Makes the new address the account's, from the link sent to it (one use, 48 hours). */
  async validateEmail(token: string): Promise<ActivationResultDto> {
    const repo = this.dataSource.getRepository(CompteCandidat);
    const tokenHash = hashToken(token);
    const compte = await repo.findOneBy({ emailTokenHash: tokenHash });
    if (!compte?.emailNouveau) throw new BusinessRule('LIEN_EMAIL_INVALIDE', "Ce lien n'est pas valide ou a déjà servi.");
    if ((compte.emailTokenExpiresAt as Date) <= this.clock.now()) {
      throw new BusinessRule(
        'LIEN_EMAIL_EXPIRE',
        "Ce lien a expiré (il vaut 48 heures) : votre adresse n'a pas changé. Connectez-vous et refaites la demande.",
      );
    }
    const email = compte.emailNouveau;
    try {
      const done = await repo.update({ id: compte.id, emailTokenHash: tokenHash }, { email, emailNormalise: cleIdentifiant(email), ...NO_EMAIL_CHANGE });
      if (done.affected !== 1) throw new BusinessRule('LIEN_EMAIL_INVALIDE', 'Ce lien a déjà servi.');
    } catch (error) {
      // Another account took the address between the request and the link: the unique index says so. Whoever follows
      // the link reads that address's mail, so telling them is no disclosure; the change is dropped so login no longer waits.
      if (!isUniqueViolation(error)) throw error;
      await repo.update({ id: compte.id, emailTokenHash: tokenHash }, NO_EMAIL_CHANGE);
      throw new Conflict(
        'EMAIL_DEJA_UTILISE',
        "Cette adresse est devenue celle d'un autre compte de la campagne entre-temps : votre adresse n'a pas changé, reconnectez-vous et choisissez-en une autre.",
      );
    }
    return { numeroDossier: compte.numeroDossier, message: 'Votre nouvelle adresse e-mail est validée : connectez-vous avec votre numéro de dossier.' };
  }

  /** Everything held about the candidate, for a right-of-access request: account, file, imports, sessions, mails. */
  async donnees(principal: Principal): Promise<DonneesPersonnellesDto> {
    return this.donneesDuCompte(principal.id);
  }

  /** The same export of any account, for staff answering a right-of-access or erasure request. */
  async donneesDuCompte(compteId: number): Promise<DonneesPersonnellesDto> {
    const compte = await this.dataSource.getRepository(CompteCandidat).findOneByOrFail({ id: compteId });
    const [dossier, scolarite, sessions, mails] = await Promise.all([
      this.dossiers.dossier(compte.id),
      this.scolarite.snapshotOf(compte.id),
      this.sessions.ofOwner({ compteCandidatId: compte.id }),
      this.outbox.sentTo([compte.email, ...(compte.emailNouveau ? [compte.emailNouveau] : [])]),
    ]);
    return {
      exporteLe: this.clock.now().toISOString(),
      compte: {
        numeroDossier: compte.numeroDossier,
        email: compte.email,
        emailNouveau: compte.emailNouveau,
        nom: compte.nom,
        prenom: compte.prenom,
        langue: compte.langue,
        casLogin: compte.casLogin,
        active: Boolean(compte.active),
        createdAt: compte.createdAt.toISOString(),
        activatedAt: compte.activatedAt?.toISOString() ?? null,
      },
      dossier,
      scolarite,
      sessions: sessions.map((s) => ({
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
        revokedAt: s.revokedAt?.toISOString() ?? null,
      })),
      mails,
    };
  }

  /**
   * An account created already activated, under a given numéro de dossier (burned like any other), without mail: the
   * demo candidates, and tests. Candidates themselves always go through create() and the activation link.
   */
  async creerActive(input: { campagneId: number; numeroDossier: string; email: string; nom: string; prenom: string; password: string }): Promise<CompteCandidat> {
    const now = this.clock.now();
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (em) => {
      await em.getRepository(NumeroDossier).insert({ numero: input.numeroDossier, issuedAt: now });
      const compte = await em.getRepository(CompteCandidat).save({
        ...input,
        emailNormalise: cleIdentifiant(input.email),
        passwordHash,
        active: true,
        activationTokenHash: null,
        activationDeadline: now,
        activatedAt: now,
        createdAt: now,
        resetTokenHash: null,
        resetExpiresAt: null,
      });
      await motsNouveauCompte(em, compte);
      return compte;
    });
  }

  /** Deletes the accounts not activated before their deadline (and their sessions), in batches; numbers stay burned. */
  purgeNonActives(taille = TAILLE_LOT): Promise<{ supprimes: number; lots: number }> {
    return supprimerParLots(this.dataSource.getRepository(CompteCandidat), { active: false, activationDeadline: LessThan(this.clock.now()) }, taille);
  }

  private async sendActivationLink(em: EntityManager, compte: CompteCandidat): Promise<void> {
    if (compte.activationDeadline <= this.clock.now()) return;
    const { token, hash } = newToken();
    await em.getRepository(CompteCandidat).update({ id: compte.id }, { activationTokenHash: hash });
    await this.outbox.enqueue(em, {
      code: 'CPT_MIN_LIEN_VALID_OUBLIE',
      to: compte.email,
      ...nouveauLienActivation({ ...compte, lien: lienFrontEnd(this.app.publicUrl, 'activationCompte', { token }), avant: compte.activationDeadline }),
    });
  }

  /** In the language the form was filled in: whoever filled it reads this mail next (usually the account's owner, who forgot). */
  private async tellAccountExists(em: EntityManager, email: string, langue: Langue): Promise<void> {
    await this.outbox.enqueue(em, {
      code: 'CPT_MIN_EXISTANT',
      to: email,
      ...compteExistant({ lienIdentifiantsOublies: lienFrontEnd(this.app.publicUrl, 'identifiantsOublies', {}), langue }),
    });
  }
}
