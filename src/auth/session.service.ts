import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { requetePreparee } from '../database/requete-preparee';
import { Session } from './entities/session.entity';
import { hashToken, newToken } from './secrets';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3_600_000;
/** lastSeenAt is written at most this often: a burst of requests costs one UPDATE, not one each. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The session of a token hash, with what the guard needs of a candidate's account (active, numéro de dossier) in the
 * same statement: every authenticated request runs it.
 */
const sessionDuJeton = requetePreparee((em) =>
  em
    .getRepository(Session)
    .createQueryBuilder('s')
    .leftJoin('s.compteCandidat', 'compte')
    .select(['s.id', 's.utilisateurId', 's.compteCandidatId', 's.lastSeenAt', 's.expiresAt', 'compte.id', 'compte.numeroDossier', 'compte.active'])
    .where('s.tokenHash = :hash')
    .andWhere('s.revokedAt IS NULL'),
);

/** Opaque bearer sessions: random token to the client, SHA-256 in the database, idle and absolute expiry. */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async open(owner: { utilisateurId: number } | { compteCandidatId: number }): Promise<{ token: string; session: Session }> {
    const now = this.clock.now();
    const { token, hash } = newToken();
    const session = await this.dataSource.getRepository(Session).save({
      tokenHash: hash,
      utilisateurId: null,
      compteCandidatId: null,
      ...owner,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      revokedAt: null,
    });
    return { token, session };
  }

  /**
   * The live session of a token, or null (unknown, revoked, idle too long or past its absolute end); a candidate's
   * comes with `compteCandidat` (id, numéro de dossier, active) loaded.
   */
  async find(token: string): Promise<Session | null> {
    const repo = this.dataSource.getRepository(Session);
    const [session] = await sessionDuJeton(this.dataSource.manager, { hash: hashToken(token) });
    const now = this.clock.now().getTime();
    if (!session || session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now) return null;
    if (now - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      session.lastSeenAt = new Date(now);
      await repo.update({ id: session.id }, { lastSeenAt: session.lastSeenAt });
    }
    return session;
  }

  async revoke(sessionId: number): Promise<void> {
    await this.dataSource.getRepository(Session).update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** The sessions of an account, newest first (right of access). */
  ofOwner(owner: { utilisateurId: number } | { compteCandidatId: number }): Promise<Session[]> {
    return this.dataSource.getRepository(Session).find({ where: owner, order: { createdAt: 'DESC', id: 'DESC' }, take: 200 });
  }

  /** Ends every session of an account but `except` (password or e-mail change, deactivation). */
  async revokeAll(owner: { utilisateurId: number } | { compteCandidatId: number }, except?: number): Promise<void> {
    await this.dataSource
      .getRepository(Session)
      .update({ ...owner, revokedAt: IsNull(), ...(except ? { id: Not(except) } : {}) }, { revokedAt: this.clock.now() });
  }
}
