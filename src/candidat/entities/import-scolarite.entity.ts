import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CompteCandidat } from '../../auth/entities/compte-candidat.entity';

/**
 * What the student-records port answered for a candidate at their last CAS login, as JSON (a StudentRecord).
 * The candidate file (identity, address, bac, with the locking of imported blocks) will be filled from it.
 */
@Entity('import_scolarite')
export class ImportScolarite {
  @PrimaryColumn({ type: 'integer' })
  compteCandidatId: number;

  @ManyToOne(() => CompteCandidat, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'compte_candidat_id', foreignKeyConstraintName: 'import_scolarite_compte_candidat_fk' })
  compteCandidat?: CompteCandidat;

  /** The adapter that answered: `file`, later `apogee` or `pegase` */
  @Column({ type: 'varchar', length: 20 })
  source: string;

  @Column({ type: 'varchar', length: 30 })
  codeEtudiant: string;

  /** The StudentRecord, JSON */
  @Column({ type: 'text' })
  donnees: string;

  @Column({ type: 'datetime' })
  importedAt: Date;
}
