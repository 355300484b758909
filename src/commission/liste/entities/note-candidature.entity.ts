import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Candidature } from '../../../candidature/entities/candidature.entity';

/** The staff bloc-notes of a candidature (reference post_it): short notes, never shown to the candidate. */
@Entity('note_candidature')
@Index('note_candidature_candidature_id_idx', ['candidatureId'])
export class NoteCandidature {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  candidatureId: number;

  @ManyToOne(() => Candidature, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'candidature_id', foreignKeyConstraintName: 'note_candidature_candidature_fk' })
  candidature?: Candidature;

  @Column({ type: 'varchar', length: 255 })
  message: string;

  /** Staff login */
  @Column({ type: 'varchar', length: 50 })
  auteur: string;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
