import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Utilisateur } from '../../auth/entities/utilisateur.entity';

export enum OperationHabilitation {
  ATTRIBUTION = 'attribution',
  RETRAIT = 'retrait',
}

/** What was granted or revoked: the account itself (opened or reactivated / deactivated), a role, a scope, a presidency. */
export enum NatureHabilitation {
  COMPTE = 'compte',
  ROLE = 'role',
  CENTRE = 'centre',
  /** A commission a gestionnaire manages without the rest of its centre */
  COMMISSION_GEREE = 'commission-geree',
  COMMISSION = 'commission',
  PRESIDENCE = 'presidence',
}

/** One grant or revocation on a staff account: who did it, when, what. Written in the transaction of the change. */
@Entity('journal_habilitation')
@Index('journal_habilitation_utilisateur_id_idx', ['utilisateurId', 'id'])
@Index('journal_habilitation_auteur_id_idx', ['auteurId'])
export class JournalHabilitation {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** The account changed */
  @Column({ type: 'integer' })
  utilisateurId: number;

  @ManyToOne(() => Utilisateur, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'utilisateur_id', foreignKeyConstraintName: 'journal_habilitation_utilisateur_fk' })
  utilisateur?: Utilisateur;

  /** Who changed it; null: `npm run admin:create` (the first administrator), or an author's account since deleted */
  @Column({ type: 'integer', nullable: true })
  auteurId: number | null;

  @ManyToOne(() => Utilisateur, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'auteur_id', foreignKeyConstraintName: 'journal_habilitation_auteur_fk' })
  auteur?: Utilisateur | null;

  @Column({ type: 'datetime' })
  date: Date;

  @Column({ type: 'simple-enum', enum: OperationHabilitation })
  operation: OperationHabilitation;

  @Column({ type: 'simple-enum', enum: NatureHabilitation })
  nature: NatureHabilitation;

  /** The role, centre or commission code; null for the account itself */
  @Column({ type: 'varchar', length: 30, nullable: true })
  code: string | null;
}
