import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The managed list of motifs of a défavorable avis (reference motivation_avis). */
@Entity('motif_avis')
@Index('motif_avis_code_uq', ['code'], { unique: true })
export class MotifAvis {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  libelle: string;

  @Column({ type: 'boolean', default: true })
  actif: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
