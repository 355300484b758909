import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row (id 1) whose counter every staff change of the offer bumps in its transaction: each instance polls it to
 * know when its in-memory snapshot of the public offer is stale.
 */
@Entity('offre_version')
export class OffreVersion {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  version: number;
}
