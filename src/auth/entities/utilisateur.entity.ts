import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { UtilisateurPerimetre } from './utilisateur-perimetre.entity';
import { UtilisateurRole } from './utilisateur-role.entity';

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

  @OneToMany(() => UtilisateurRole, (r) => r.utilisateur, { cascade: ['insert'] })
  roles?: UtilisateurRole[];

  @OneToMany(() => UtilisateurPerimetre, (p) => p.utilisateur, { cascade: ['insert'] })
  perimetres?: UtilisateurPerimetre[];
}
