import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Candidature } from './candidature.entity';

/**
 * What staff did on a candidate's behalf (historique.ts): a pièce given, an answer, a proposition, a restoration,
 * with the staff login that did it. Never shown to the candidate.
 */
@Entity('historique_candidature')
@Index('historique_candidature_candidature_id_idx', ['candidatureId'])
export class HistoriqueCandidature {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  candidatureId: number;

  @ManyToOne(() => Candidature, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'candidature_id', foreignKeyConstraintName: 'historique_candidature_candidature_fk' })
  candidature?: Candidature;

  /** One of ACTIONS_HISTORIQUE (historique.ts) */
  @Column({ type: 'varchar', length: 30 })
  action: string;

  /** What it was about (the pièce's label, the previous cancellation), when it says more than the action */
  @Column({ type: 'varchar', length: 255, nullable: true })
  detail: string | null;

  /** Staff login */
  @Column({ type: 'varchar', length: 50 })
  par: string;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
