import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The paragraph the letters of the formations of one type de diplôme print (upstream #105). */
@Entity('lettre_type_diplome')
@Index('lettre_type_diplome_type_diplome_uq', ['typeDiplome'], { unique: true })
export class LettreTypeDiplome {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** Code of the reference data's types de diplôme (the formation's typeDiplome) */
  @Column({ type: 'varchar', length: 10 })
  typeDiplome: string;

  @Column({ type: 'text' })
  texte: string;

  @Column({ type: 'text', nullable: true })
  texteEn: string | null;

  @Column({ type: 'varchar', length: 100 })
  updatedBy: string;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
