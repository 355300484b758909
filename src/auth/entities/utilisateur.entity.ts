import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { UtilisateurPerimetre } from './utilisateur-perimetre.entity';
import { UtilisateurRole } from './utilisateur-role.entity';
import { cleIdentifiant } from '../../common/text/cle-identifiant';

/** What staff lists search an account by: login, names and e-mail folded (cleIdentifiant), so « Leo » finds « Léo ». */
export const rechercheUtilisateur = (u: Pick<Utilisateur, 'login' | 'nom' | 'prenom' | 'email'>): string =>
  cleIdentifiant([u.login, u.nom, u.prenom, u.email].join(' ')).slice(0, 500);

/** A member of staff: local account (password) or CAS login (no password). */
@Entity('utilisateur')
@Index('utilisateur_login_uq', ['login'], { unique: true })
export class Utilisateur {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** Its key (cleIdentifiant), so that every spelling logs in and the unique index holds for all (utf8mb4_bin on MariaDB) */
  @Column({ type: 'varchar', length: 100 })
  login: string;

  @Column({ type: 'varchar', length: 255 })
  email: string;

  @Column({ type: 'varchar', length: 100 })
  nom: string;

  @Column({ type: 'varchar', length: 100 })
  prenom: string;

  /** argon2id; null for staff who log in through CAS only */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'boolean', default: true })
  actif: boolean;

  @Column({ type: 'datetime', default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;

  /** rechercheUtilisateur of the account, written with it */
  @Column({ type: 'varchar', length: 500, default: '' })
  recherche: string;

  /** Optimistic concurrency for changes through the API (If-Match) */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @OneToMany(() => UtilisateurRole, (r) => r.utilisateur, { cascade: ['insert'] })
  roles?: UtilisateurRole[];

  @OneToMany(() => UtilisateurPerimetre, (p) => p.utilisateur, { cascade: ['insert'] })
  perimetres?: UtilisateurPerimetre[];
}
