import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Conflict, Forbidden, NotFound, Unauthorized } from '../common/errors/domain-errors';
import { isUniqueViolation } from '../database/unique-violation';
import { MeDto, SessionDto } from './dto/auth.dto';
import { Campagne } from '../offre/entities/campagne.entity';
import { CompteCandidat } from './entities/compte-candidat.entity';
import { Utilisateur, rechercheUtilisateur } from './entities/utilisateur.entity';
import { NO_SCOPES, Principal, Role, Scopes, TypePerimetre } from '../common/auth/roles';
import { hashPassword, verifyPassword } from './secrets';
import { MaintenanceService } from '../maintenance/maintenance.service';
import { SessionService } from './session.service';
import { Clock, parisDate } from '../common/clock/clock';
import { raisonConnexionCandidatClose } from '../offre/campagne-rules';
import { cleIdentifiant, cleNumeroDossier, estEmail } from '../common/text/cle-identifiant';
import { CompteVise } from '../common/throttle/compte-vise';
import { requetePreparee } from '../database/requete-preparee';

/** What `GET /auth/me` shows of a candidate's account, by id (read on every page of the candidate's front-end). */
const compteParId = requetePreparee((em) => em.getRepository(CompteCandidat).createQueryBuilder('c').select(['c.id', 'c.numeroDossier', 'c.prenom', 'c.nom', 'c.email', 'c.langue']).where('c.id = :id'));

const STAFF_RELATIONS = { roles: true, perimetres: true } as const;
const rolesOf = (user: Utilisateur) => (user.roles ?? []).map((r) => r.role);
const scopesOf = (user: Utilisateur): Scopes => ({
  centres: (user.perimetres ?? []).filter((p) => p.type === TypePerimetre.CENTRE).map((p) => p.code),
  commissionsGerees: (user.perimetres ?? []).filter((p) => p.type === TypePerimetre.COMMISSION_GEREE).map((p) => p.code),
  commissions: (user.perimetres ?? []).filter((p) => p.type === TypePerimetre.COMMISSION).map((p) => p.code),
});

export interface NewStaff {
  login: string;
  email: string;
  nom: string;
  prenom: string;
  password?: string;
  roles: Role[];
  /** Codes of the centres de candidature and commissions (gestionnaire) and of the commissions (member) */
  scopes?: Partial<Scopes>;
}

/** Logging in (staff and candidates), sessions' principals, staff accounts. */
@Injectable()
export class AuthService implements CompteVise {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly clock: Clock,
    private readonly maintenance: MaintenanceService,
  ) {}

  /**
   * One login for everybody: a staff login, or a candidate's numéro de dossier or e-mail in the campaign in
   * service. Exactly one password check whatever the case, and one answer for "unknown" and "wrong password".
   */
  async login(login: string, password: string): Promise<SessionDto> {
    const user = await this.findStaff(login);
    const trouve = user ? null : await this.findCandidat(login);
    const compte = trouve?.compte ?? null;
    const valid = await verifyPassword(user?.passwordHash ?? compte?.passwordHash ?? null, password);
    if (!valid || (user && !user.actif) || (!user && !compte)) {
      throw new Unauthorized('IDENTIFIANTS_INVALIDES', 'Identifiant ou mot de passe incorrect.');
    }
    // Checked once the password is: telling "maintenance" to a wrong password would tell the account exists.
    if (compte) await this.maintenance.refuserCandidats();
    if (compte && !compte.active) {
      throw new Forbidden(
        'COMPTE_NON_ACTIVE',
        "Votre compte n'est pas encore activé : suivez le lien du mail reçu à sa création. Vous ne le trouvez plus ? Demandez-en un nouveau avec « J'ai perdu mon code d'activation ».",
      );
    }
    const fermeture = trouve ? raisonConnexionCandidatClose(trouve.campagne, parisDate(this.clock.now())) : null;
    if (fermeture) throw new Forbidden('CONNEXION_CANDIDAT_FERMEE', fermeture);
    if (compte?.emailNouveau && (compte.emailTokenExpiresAt as Date) > this.clock.now()) {
      throw new Forbidden(
        'EMAIL_A_VALIDER',
        `Votre nouvelle adresse e-mail doit être validée : suivez le lien envoyé à ${compte.emailNouveau}. Ce n'est pas vous ? « J'ai oublié mes identifiants » avec votre ancienne adresse annule le changement.`,
      );
    }
    const { token, session } = await this.sessions.open(user ? { utilisateurId: user.id } : { compteCandidatId: (compte as CompteCandidat).id });
    return { token, expiresAt: session.expiresAt.toISOString(), me: user ? staffMe(user) : candidatMe(compte as CompteCandidat) };
  }

  /** The account a typed login reaches, as the login would find it: the throttle counts per account, not per spelling. */
  async compteVise(saisi: string): Promise<string | null> {
    const user = await this.findStaff(saisi);
    if (user) return `staff:${user.id}`;
    const trouve = await this.findCandidat(saisi);
    return trouve ? `candidat:${trouve.compte.id}` : null;
  }

  /** The principal of a bearer token, or null when the token opens no live session of an active account. */
  async authenticate(token: string): Promise<Principal | null> {
    const session = await this.sessions.find(token);
    if (session?.utilisateurId) {
      const user = await this.dataSource.getRepository(Utilisateur).findOne({ where: { id: session.utilisateurId }, relations: STAFF_RELATIONS });
      if (!user?.actif) return null;
      return { kind: 'staff', id: user.id, login: user.login, roles: rolesOf(user), scopes: scopesOf(user), sessionId: session.id };
    }
    if (session?.compteCandidatId) {
      const compte = session.compteCandidat;
      if (!compte?.active) return null;
      return { kind: 'candidat', id: compte.id, login: compte.numeroDossier, roles: [Role.CANDIDAT], scopes: NO_SCOPES, sessionId: session.id };
    }
    return null;
  }

  async me(principal: Principal): Promise<MeDto> {
    if (principal.kind === 'candidat') {
      const [compte] = await compteParId(this.dataSource.manager, { id: principal.id });
      if (!compte) throw new NotFound('COMPTE_INTROUVABLE', "Ce compte n'existe plus.");
      return candidatMe(compte);
    }
    const user = await this.dataSource.getRepository(Utilisateur).findOne({ where: { id: principal.id }, relations: STAFF_RELATIONS });
    if (!user) throw new NotFound('UTILISATEUR_INTROUVABLE', "Ce compte n'existe plus.");
    return staffMe(user);
  }

  logout(principal: Principal): Promise<void> {
    return this.sessions.revoke(principal.sessionId);
  }

  /** Creates a staff account (demo data, tests; the API's and `admin:create`'s is PersonnelService). The login is stored as its key, so unique in every spelling. */
  async createStaff(staff: NewStaff): Promise<Utilisateur> {
    const login = cleIdentifiant(staff.login);
    const passwordHash = staff.password ? await hashPassword(staff.password) : null;
    try {
      return await this.dataSource.transaction((em) =>
        em.getRepository(Utilisateur).save({
          login,
          email: staff.email,
          nom: staff.nom,
          prenom: staff.prenom,
          passwordHash,
          actif: true,
          recherche: rechercheUtilisateur({ ...staff, login }),
          roles: staff.roles.map((role) => ({ role })),
          perimetres: [
            ...(staff.scopes?.centres ?? []).map((code) => ({ type: TypePerimetre.CENTRE, code })),
            ...(staff.scopes?.commissionsGerees ?? []).map((code) => ({ type: TypePerimetre.COMMISSION_GEREE, code })),
            ...(staff.scopes?.commissions ?? []).map((code) => ({ type: TypePerimetre.COMMISSION, code })),
          ],
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict('LOGIN_DEJA_UTILISE', `Le login « ${login} » est déjà utilisé.`);
      throw error;
    }
  }

  private findStaff(login: string): Promise<Utilisateur | null> {
    return this.dataSource.getRepository(Utilisateur).findOne({ where: { login: cleIdentifiant(login) }, relations: STAFF_RELATIONS });
  }

  /** The candidate's account a typed login reaches in the campaign in service, with that campaign. */
  private async findCandidat(login: string): Promise<{ compte: CompteCandidat; campagne: Campagne } | null> {
    const campagne = await this.dataSource.getRepository(Campagne).findOneBy({ enService: true });
    if (!campagne) return null;
    const cle = cleIdentifiant(login);
    const where = estEmail(cle) ? { emailNormalise: cle } : { numeroDossier: cleNumeroDossier(login) };
    const compte = await this.dataSource.getRepository(CompteCandidat).findOneBy({ campagneId: campagne.id, ...where });
    return compte ? { compte, campagne } : null;
  }
}

function candidatMe(compte: CompteCandidat): MeDto {
  return {
    kind: 'candidat',
    id: compte.id,
    login: compte.numeroDossier,
    prenom: compte.prenom,
    nom: compte.nom,
    email: compte.email,
    roles: [Role.CANDIDAT],
    scopes: NO_SCOPES,
    langue: compte.langue,
  };
}

function staffMe(user: Utilisateur): MeDto {
  return {
    kind: 'staff',
    id: user.id,
    login: user.login,
    prenom: user.prenom,
    nom: user.nom,
    email: user.email,
    roles: rolesOf(user),
    scopes: scopesOf(user),
  };
}
