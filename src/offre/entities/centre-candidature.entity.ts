import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A centre de candidature (faculty, department, institute): it owns commissions and formations. Institution-level,
 * as in the reference system: centres outlive campaigns, only candidatures belong to one.
 */
@Entity('centre_candidature')
@Index('centre_candidature_code_uq', ['code'], { unique: true })
export class CentreCandidature {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** Staff scopes (`utilisateur_perimetre`) name centres by this code */
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  libelle: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  contactTelephone: string | null;

  /** Most vœux a candidate may make in this centre; null: no limit */
  @Column({ type: 'integer', nullable: true })
  maxVoeux: number | null;

  /** Default of `demat` for the centre's new formations */
  @Column({ type: 'boolean', default: true })
  dematDefaut: boolean;

  /** A copy of every mail its candidates receive about a candidature goes to `contactEmail` (reference typ_send_mail `M`) */
  @Column({ type: 'boolean', default: false })
  copieMailsCandidats: boolean;

  @Column({ type: 'boolean', default: true })
  actif: boolean;

  /** Optimistic concurrency: 1 on insert, +1 on each change */
  @Column({ type: 'integer' })
  version: number;
}
