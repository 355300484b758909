import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One fixed-window counter (an address or an account on a group of routes), shared by every instance. */
@Entity('throttle_counter')
@Index('throttle_counter_window_ends_at_idx', ['windowEndsAt'])
export class ThrottleCounter {
  /** `<policy>:ip:<address>` or `<policy>:id:<SHA-256 of the identifier>` (no e-mail stored in clear) */
  @PrimaryColumn({ type: 'varchar', length: 120 })
  cle: string;

  @Column({ type: 'integer' })
  hits: number;

  @Column({ type: 'datetime' })
  windowEndsAt: Date;
}
