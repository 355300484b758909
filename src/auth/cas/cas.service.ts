import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThan } from 'typeorm';
import { motsNouveauCompte } from '../../candidature/liste-candidature-colonnes';
import { DossierService } from '../../candidat/dossier.service';
import { ScolariteService } from '../../candidat/scolarite.service';
import { StudentRecord } from '../../candidat/student-records/student-records.port';
import { Clock, parisDate } from '../../common/clock/clock';
import { raisonConnexionCandidatClose } from '../../offre/campagne-rules';
import { FRONT_END_PAGES } from '../../common/front-end/front-end-pages';
import { cleIdentifiant } from '../../common/text/cle-identifiant';
import { BusinessRule, Conflict, Forbidden, NotFound, ServiceUnavailable, Unauthorized } from '../../common/errors/domain-errors';
import { AppConfig, CasConfig, appConfig, casConfig } from '../../config';
import { isUniqueViolation } from '../../database/unique-violation';
import { CampagneService } from '../../offre/campagne.service';
import { AuthService } from '../auth.service';
import { SessionDto } from '../dto/auth.dto';
import { CompteCandidat } from '../entities/compte-candidat.entity';
import { Utilisateur } from '../entities/utilisateur.entity';
import { NumeroDossierService } from '../numero-dossier.service';
import { hashToken, newToken } from '../secrets';
import { SessionService } from '../session.service';
import { CasCallbackQueryDto, CasLoginQueryDto } from './dto/cas.dto';
import { CasCode } from './entities/cas-code.entity';
import { CasStrategy, CasUnreachable, CasUser } from './cas.strategy';

/** The callback's route (CasController under the global prefix `api`), as CAS must call it. */
const CALLBACK_PATH = '/api/auth/cas/callback';
const CODE_MS = 60_000;

type Owner = { utilisateurId: number } | { compteCandidatId: number };

/** What the callback answers: the session itself (reponse=json), or the front-end address carrying a one-time code. */
export type CasCallbackResult = { session: SessionDto } | { redirect: string };

/**
 * CAS login for candidates and staff. CAS proves who the person is; the session is ours (SessionService), as for a
 * password login. A candidate is found by CAS login in the campaign in service, or gets an account there, filled
 * from the student records (or else the CAS attributes); a member of staff must already have a local account.
 */
@Injectable()
export class CasService {
  private readonly logger = new Logger(CasService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CasStrategy) private readonly strategy: CasStrategy | null,
    @Inject(casConfig.KEY) private readonly cas: CasConfig,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    private readonly clock: Clock,
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly campagnes: CampagneService,
    private readonly numeros: NumeroDossierService,
    private readonly scolarite: ScolariteService,
    private readonly dossiers: DossierService,
  ) {}

  /** The CAS /login address, with our callback as the service. */
  loginUrl(query: CasLoginQueryDto): string {
    this.enabledStrategy();
    return `${this.cas.url}/login?service=${encodeURIComponent(this.serviceUrl(query))}`;
  }

  /** Validates the ticket CAS gave the browser, then opens the session or hands a one-time code to the front-end. */
  async callback(query: CasCallbackQueryDto): Promise<CasCallbackResult> {
    const user = await this.validateTicket(this.enabledStrategy(), query.ticket, this.serviceUrl(query));
    const owner = query.espace === 'gestion' ? await this.staffOwner(user) : await this.candidatOwner(user);
    if (query.reponse === 'json') return { session: await this.openSession(owner) };
    return { redirect: await this.issueCode(owner) };
  }

  /** Exchanges a one-time code for the session; a code is good once, for 60 seconds. */
  async exchange(code: string): Promise<SessionDto> {
    this.enabledStrategy();
    const repo = this.dataSource.getRepository(CasCode);
    const row = await repo.findOneBy({ codeHash: hashToken(code) });
    // The DELETE settles two exchanges of the same code at once: one of them removes the row.
    if (!row || row.expiresAt <= this.clock.now() || (await repo.delete({ id: row.id })).affected !== 1) {
      throw new Unauthorized(
        'CODE_CAS_INVALIDE',
        "Ce code de connexion n'est pas valide : il ne sert qu'une fois, dans la minute. Reconnectez-vous par le CAS de l'université.",
      );
    }
    return this.openSession(row.utilisateurId ? { utilisateurId: row.utilisateurId } : { compteCandidatId: row.compteCandidatId as number });
  }

  private enabledStrategy(): CasStrategy {
    if (!this.cas.enabled || !this.strategy) {
      throw new NotFound(
        'CAS_DESACTIVE',
        "La connexion par le CAS de l'université n'est pas proposée ici : connectez-vous avec votre identifiant et votre mot de passe.",
      );
    }
    return this.strategy;
  }

  /** Our callback for this espace; the very same string goes to /login and, with the ticket, to serviceValidate. */
  private serviceUrl(query: CasLoginQueryDto): string {
    const params = new URLSearchParams({ espace: query.espace, ...(query.reponse ? { reponse: query.reponse } : {}) });
    return `${this.app.apiPublicUrl}${CALLBACK_PATH}?${params}`;
  }

  private async validateTicket(strategy: CasStrategy, ticket: string, service: string): Promise<CasUser> {
    let user: CasUser | null;
    try {
      user = await strategy.validateTicket(ticket, service);
    } catch (error) {
      if (!(error instanceof CasUnreachable)) throw error;
      this.logger.error({ err: error, casUrl: this.cas.url }, 'Validation du ticket CAS impossible');
      throw new ServiceUnavailable('CAS_INDISPONIBLE', "Le serveur CAS de l'université ne répond pas : réessayez dans quelques instants.");
    }
    if (!user) {
      throw new Unauthorized(
        'TICKET_CAS_INVALIDE',
        "Le CAS de l'université n'a pas confirmé votre connexion (ticket inconnu, expiré ou déjà utilisé) : reconnectez-vous.",
      );
    }
    return user;
  }

  /** Staff log in through CAS only with a local account of the same login, active. */
  private async staffOwner(user: CasUser): Promise<Owner> {
    const login = cleIdentifiant(user.login);
    const staff = await this.dataSource.getRepository(Utilisateur).findOneBy({ login, actif: true });
    if (!staff) {
      throw new Forbidden(
        'AUCUN_COMPTE_GESTION',
        `Aucun compte de gestion actif ne correspond à l'identifiant CAS « ${login} » : demandez à un administrateur de vous en ouvrir un.`,
      );
    }
    return { utilisateurId: staff.id };
  }

  /** The candidate's account in the campaign in service, created on the first CAS login; the student records are refreshed. */
  private async candidatOwner(user: CasUser): Promise<Owner> {
    const casLogin = user.login.toLowerCase();
    const campagne = await this.campagnes.enService();
    const fermeture = raisonConnexionCandidatClose(campagne, parisDate(this.clock.now()));
    if (fermeture) throw new Forbidden('CONNEXION_CANDIDAT_FERMEE', fermeture);
    const record = await this.scolarite.fetch({ casLogin, codeEtudiant: attribute(user, 'supannetuid') });
    const findOrCreate = () => this.dataSource.transaction((em) => this.findOrCreateCandidat(em, campagne.id, casLogin, user, record));
    let compteCandidatId: number;
    try {
      compteCandidatId = await findOrCreate();
    } catch (error) {
      // Two callbacks of the same new student at once: the unique indexes let one account through, this one finds it.
      if (!isUniqueViolation(error)) throw error;
      compteCandidatId = await findOrCreate();
    }
    if (record) await this.dossiers.applyStudentRecord(compteCandidatId, record);
    return { compteCandidatId };
  }

  private async findOrCreateCandidat(em: EntityManager, campagneId: number, casLogin: string, user: CasUser, record: StudentRecord | null): Promise<number> {
    const repo = em.getRepository(CompteCandidat);
    const linked = await repo.findOneBy({ campagneId, casLogin });
    if (linked) return linked.id;
    const { email, nom, prenom } = identityOf(user, record);
    const now = this.clock.now();
    const existing = await repo.findOneBy({ campagneId, emailNormalise: cleIdentifiant(email) });
    if (existing) {
      // An account created with this address before CAS was used: it becomes this student's. CAS proves who the
      // student is, not who typed the password of an account never activated: such an account loses its password.
      const changes = existing.active ? { casLogin } : { casLogin, active: true, activatedAt: now, activationTokenHash: null, passwordHash: null };
      const done = await repo.update({ id: existing.id, casLogin: IsNull() }, changes);
      if (done.affected !== 1) {
        throw new Conflict(
          'EMAIL_DEJA_LIE_CAS',
          `L'adresse ${email} est celle d'un compte déjà relié à un autre identifiant CAS pour cette campagne : contactez le service de scolarité.`,
        );
      }
      return existing.id;
    }
    // A first login creates an account: only while the campaign is open (existing accounts still log in).
    await this.campagnes.ouverte(em);
    const numeroDossier = await this.numeros.issue(em);
    const inserted = await repo.insert({
      campagneId,
      numeroDossier,
      email,
      emailNormalise: cleIdentifiant(email),
      nom,
      prenom,
      // CAS proved the identity: active at once, and no password (the "forgotten identifiers" link can set one).
      passwordHash: null,
      active: true,
      activationTokenHash: null,
      activationDeadline: now,
      activatedAt: now,
      createdAt: now,
      casLogin,
    });
    const id = Number((inserted.identifiers[0] as { id: number }).id);
    await motsNouveauCompte(em, { id, numeroDossier, nom, prenom });
    return id;
  }

  private async issueCode(owner: Owner): Promise<string> {
    const { token: code, hash } = newToken();
    const now = this.clock.now();
    const repo = this.dataSource.getRepository(CasCode);
    await repo.delete({ expiresAt: LessThan(now) });
    await repo.insert({ codeHash: hash, utilisateurId: null, compteCandidatId: null, ...owner, expiresAt: new Date(now.getTime() + CODE_MS) });
    const url = new URL(this.cas.retourUrl ?? `${this.app.publicUrl}${FRONT_END_PAGES.connexionCas.path}`);
    url.searchParams.set('code', code);
    return url.toString();
  }

  /** The same answer as POST /api/auth/login: token, its end, and who is logged in. */
  private async openSession(owner: Owner): Promise<SessionDto> {
    const { token, session } = await this.sessions.open(owner);
    const principal = await this.auth.authenticate(token);
    if (!principal) {
      // Deactivated between the callback and the exchange of its code.
      await this.sessions.revoke(session.id);
      throw new Forbidden('COMPTE_INACTIF', "Ce compte n'est plus actif : contactez le service de scolarité.");
    }
    return { token, expiresAt: session.expiresAt.toISOString(), me: await this.auth.me(principal) };
  }
}

/** First value of a CAS attribute (names are lower case), or null. */
function attribute(user: CasUser, name: string): string | null {
  return user.attributes[name]?.[0] ?? null;
}

/** Who the new account is for: the student records first, the CAS attributes (LDAP: mail, sn, givenName) else. */
function identityOf(user: CasUser, record: StudentRecord | null): { email: string; nom: string; prenom: string } {
  const email = record?.identite.email ?? attribute(user, 'mail');
  const nom = record ? (record.identite.nomUsage ?? record.identite.nomNaissance) : attribute(user, 'sn');
  const prenom = record?.identite.prenom ?? attribute(user, 'givenname');
  if (!email?.includes('@') || !nom || !prenom) {
    throw new BusinessRule(
      'IDENTITE_CAS_INCOMPLETE',
      "L'université n'a pas transmis votre nom, votre prénom et votre adresse e-mail : votre compte ne peut pas être créé par le CAS. Créez un compte avec votre adresse e-mail, ou contactez le service de scolarité.",
    );
  }
  return { email: email.slice(0, 255), nom: nom.slice(0, 100), prenom: prenom.slice(0, 100) };
}
