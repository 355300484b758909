import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Commission } from '../../offre/entities/commission.entity';

/** What one commission's letters say differently from the institution's: its signatory and signature, address block, extra text. */
@Entity('lettre_commission')
@Index('lettre_commission_commission_id_uq', ['commissionId'], { unique: true })
export class LettreCommission {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  commissionId: number;

  @ManyToOne(() => Commission, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'commission_id', foreignKeyConstraintName: 'lettre_commission_commission_fk' })
  commission?: Commission;

  @Column({ type: 'varchar', length: 200, nullable: true })
  signataireNom: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  signataireTitre: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  signataireTitreEn: string | null;

  /** The sender's address lines, instead of the commission's postal address */
  @Column({ type: 'varchar', length: 700, nullable: true })
  adresse: string | null;

  /** A paragraph every letter of the commission prints */
  @Column({ type: 'text', nullable: true })
  texte: string | null;

  @Column({ type: 'text', nullable: true })
  texteEn: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  signatureCle: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  signatureType: string | null;

  @Column({ type: 'varchar', length: 100 })
  updatedBy: string;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
