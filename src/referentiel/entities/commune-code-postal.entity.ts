import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Commune } from './commune.entity';

/** A commune has one or more postal codes, and a postal code serves one or more communes. */
@Entity('commune_code_postal')
@Index('commune_code_postal_code_postal_idx', ['codePostal'])
export class CommuneCodePostal {
  @PrimaryColumn({ type: 'varchar', length: 5 })
  communeCode: string;

  @PrimaryColumn({ type: 'varchar', length: 5 })
  codePostal: string;

  @ManyToOne(() => Commune, (c) => c.codesPostaux, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'commune_code', foreignKeyConstraintName: 'commune_code_postal_commune_fk' })
  commune?: Commune;
}
