import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Candidature } from '../../../candidature/entities/candidature.entity';
import { Etiquette } from './etiquette.entity';

/**
 * A label on a candidature, at most once (the unique index, which also answers the list's `etiquette` filter: the
 * candidatures of a label in one seek). Staff metadata: never shown to the candidate.
 */
@Entity('etiquette_candidature')
@Index('etiquette_candidature_uq', ['etiquetteId', 'candidatureId'], { unique: true })
@Index('etiquette_candidature_candidature_id_idx', ['candidatureId'])
export class EtiquetteCandidature {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  etiquetteId: number;

  @ManyToOne(() => Etiquette, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'etiquette_id', foreignKeyConstraintName: 'etiquette_candidature_etiquette_fk' })
  etiquette?: Etiquette;

  @Column({ type: 'integer' })
  candidatureId: number;

  @ManyToOne(() => Candidature, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'candidature_id', foreignKeyConstraintName: 'etiquette_candidature_candidature_fk' })
  candidature?: Candidature;

  /** Staff login */
  @Column({ type: 'varchar', length: 50 })
  posePar: string;

  @Column({ type: 'datetime' })
  poseAt: Date;
}
