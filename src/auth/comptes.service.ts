import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { BusinessRule, ValidationFailed } from '../common/errors/domain-errors';
import { AppConfig, appConfig } from '../config';
import { isUniqueViolation } from '../database/unique-violation';
import { OutboxService } from '../mail/outbox.service';
import { compteCree, compteExistant } from '../mail/templates/compte.templates';
import { CampagneService } from '../offre/campagne.service';
import { ActivationResultDto, CreateCompteDto, MessageDto } from './dto/compte.dto';
import { CompteCandidat } from './entities/compte-candidat.entity';
import { NumeroDossier } from './entities/numero-dossier.entity';
import { assertAcceptablePassword } from './password-policy';
import { hashPassword, hashToken, newToken } from './secrets';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SAME_ANSWER: MessageDto = {
  message: 'Si cette adresse peut recevoir un compte, un mail vient de lui être envoyé : suivez ses instructions.',
};

/** Candidate accounts: creation without revealing which addresses have one, activation, purge. */
@Injectable()
export class ComptesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly campagnes: CampagneService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  /**
   * Creates the account and queues CPT_MIN_CREATE; an address that already has an account in the campaign gets a
   * mail saying so instead. Both cases answer the same thing after the same work (one argon2 hash, one mail row).
   */
  async create(dto: CreateCompteDto): Promise<MessageDto> {
    const errors = [
      ...(dto.email.trim().toLowerCase() !== dto.emailConfirmation.trim().toLowerCase()
        ? [{ field: 'emailConfirmation', message: "n'est pas identique à l'adresse e-mail" }]
        : []),
      ...(dto.password !== dto.passwordConfirmation ? [{ field: 'passwordConfirmation', message: "n'est pas identique au mot de passe" }] : []),
    ];
    if (errors.length > 0) throw new ValidationFailed(errors);
    assertAcceptablePassword(dto.password);
    const campagne = await this.campagnes.enService();
    const passwordHash = await hashPassword(dto.password);
    const email = dto.email.trim();
    try {
      await this.dataSource.transaction(async (em) => {
        const exists = await em.getRepository(CompteCandidat).existsBy({ campagneId: campagne.id, emailNormalise: email.toLowerCase() });
        if (exists) return this.tellAccountExists(em, email);
        const now = this.clock.now();
        const { token, hash } = newToken();
        const compte = {
          campagneId: campagne.id,
          numeroDossier: await this.issueNumeroDossier(em),
          email,
          emailNormalise: email.toLowerCase(),
          nom: dto.nom.trim(),
          prenom: dto.prenom.trim(),
          passwordHash,
          active: false,
          activationTokenHash: hash,
          activationDeadline: new Date(now.getTime() + this.app.joursActivation * 86_400_000),
          activatedAt: null,
          createdAt: now,
        };
        await em.getRepository(CompteCandidat).insert(compte);
        await this.outbox.enqueue(em, {
          code: 'CPT_MIN_CREATE',
          to: email,
          ...compteCree({ ...compte, lien: `${this.app.publicUrl}/comptes/activation?token=${token}`, avant: compte.activationDeadline }),
        });
      });
    } catch (error) {
      // Two creations of the same address at once: the unique index lets one through; the other is told it exists.
      if (!isUniqueViolation(error)) throw error;
      await this.dataSource.transaction((em) => this.tellAccountExists(em, email));
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

  /** Deletes the accounts not activated before their deadline (and their sessions); numbers stay burned. */
  async purgeNonActives(): Promise<{ supprimes: number }> {
    const result = await this.dataSource.getRepository(CompteCandidat).delete({ active: false, activationDeadline: LessThan(this.clock.now()) });
    return { supprimes: result.affected ?? 0 };
  }

  private async tellAccountExists(em: EntityManager, email: string): Promise<void> {
    await this.outbox.enqueue(em, {
      code: 'CPT_MIN_EXISTANT',
      to: email,
      ...compteExistant({ lienIdentifiantsOublies: `${this.app.publicUrl}/comptes/identifiants-oublies` }),
    });
  }

  /** 8 characters from 0-9A-Z, never issued before (the numero_dossier table keeps every number, purges included). */
  private async issueNumeroDossier(em: EntityManager): Promise<string> {
    const numeros = em.getRepository(NumeroDossier);
    for (;;) {
      const numero = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      // 36^8 ≈ 2.8e12 numbers: a collision is rare; the primary key settles a race between two instances.
      if (await numeros.existsBy({ numero })) continue;
      await numeros.insert({ numero, issuedAt: this.clock.now() });
      return numero;
    }
  }
}
