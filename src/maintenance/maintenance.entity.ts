import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The maintenance mode: one row (id 1), written by an administrator, read by every instance. */
@Entity('maintenance')
export class Maintenance {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'boolean', default: false })
  active: boolean;

  /** What candidates are told, in French */
  @Column({ type: 'varchar', length: 500, nullable: true })
  message: string | null;

  /** When it ends by itself; null: when an administrator switches it off */
  @Column({ type: 'datetime', nullable: true })
  finAt: Date | null;

  /** Login of the administrator who last changed it */
  @Column({ type: 'varchar', length: 100, nullable: true })
  modifiePar: string | null;

  @Column({ type: 'datetime', default: () => 'CURRENT_TIMESTAMP' })
  updatedAt: Date;
}
