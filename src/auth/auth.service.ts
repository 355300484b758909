import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Conflict, NotFound, Unauthorized } from '../common/errors/domain-errors';
import { isUniqueViolation } from '../database/unique-violation';
import { MeDto, SessionDto } from './dto/auth.dto';
import { Utilisateur } from './entities/utilisateur.entity';
import { Principal, Role } from '../common/auth/roles';
import { hashPassword, verifyPassword } from './secrets';
import { SessionService } from './session.service';

export interface NewStaff {
  login: string;
  email: string;
  nom: string;
  prenom: string;
  password?: string;
  roles: Role[];
}

/** Staff accounts and their sessions. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
  ) {}

  async loginStaff(login: string, password: string): Promise<SessionDto> {
    const user = await this.findStaff(login);
    const valid = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !valid || !user.actif) {
      throw new Unauthorized('IDENTIFIANTS_INVALIDES', 'Identifiant ou mot de passe incorrect.');
    }
    const { token, session } = await this.sessions.open(user.id);
    return { token, expiresAt: session.expiresAt.toISOString(), me: toMe(user) };
  }

  /** The principal of a bearer token, or null when the token opens no live session of an active account. */
  async authenticate(token: string): Promise<Principal | null> {
    const session = await this.sessions.find(token);
    if (!session) return null;
    const user = await this.dataSource.getRepository(Utilisateur).findOne({ where: { id: session.utilisateurId }, relations: { roles: true } });
    if (!user?.actif) return null;
    return { kind: 'staff', id: user.id, login: user.login, roles: (user.roles ?? []).map((r) => r.role), sessionId: session.id };
  }

  async me(principal: Principal): Promise<MeDto> {
    const user = await this.dataSource.getRepository(Utilisateur).findOne({ where: { id: principal.id }, relations: { roles: true } });
    if (!user) throw new NotFound('UTILISATEUR_INTROUVABLE', "Ce compte n'existe plus.");
    return toMe(user);
  }

  logout(principal: Principal): Promise<void> {
    return this.sessions.revoke(principal.sessionId);
  }

  /** Creates a staff account (CLI, demo data, later the admin API). The login is unique, case-insensitively. */
  async createStaff(staff: NewStaff): Promise<Utilisateur> {
    const login = staff.login.trim().toLowerCase();
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
          roles: staff.roles.map((role) => ({ role })),
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict('LOGIN_DEJA_UTILISE', `Le login « ${login} » est déjà utilisé.`);
      throw error;
    }
  }

  private findStaff(login: string): Promise<Utilisateur | null> {
    return this.dataSource.getRepository(Utilisateur).findOne({ where: { login: login.trim().toLowerCase() }, relations: { roles: true } });
  }
}

function toMe(user: Utilisateur): MeDto {
  return {
    kind: 'staff',
    id: user.id,
    login: user.login,
    prenom: user.prenom,
    nom: user.nom,
    email: user.email,
    roles: (user.roles ?? []).map((r) => r.role),
  };
}
