import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CentreCandidature } from '../../../offre/entities/centre-candidature.entity';

/**
 * A coloured label staff put on candidatures (reference tag): the institution's (no centre, scolarité centrale's) or
 * a centre's (its gestionnaires'), which only that centre's candidatures carry.
 */
@Entity('etiquette')
@Index('etiquette_cle_uq', ['cle'], { unique: true })
@Index('etiquette_centre_id_idx', ['centreId'])
export class Etiquette {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 50 })
  libelle: string;

  /** #rrggbb, lower case */
  @Column({ type: 'varchar', length: 7 })
  couleur: string;

  /** The owning centre; null: the institution's */
  @Column({ type: 'integer', nullable: true })
  centreId: number | null;

  @ManyToOne(() => CentreCandidature, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'centre_id', foreignKeyConstraintName: 'etiquette_centre_fk' })
  centre?: CentreCandidature | null;

  /** One label per owner, case and accents ignored: the owner (centre id, 0 for the institution) and the folded label (etiquettes.service.ts cleEtiquette) */
  @Column({ type: 'varchar', length: 80 })
  cle: string;
}
