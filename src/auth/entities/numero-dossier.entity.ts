import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every numéro de dossier ever issued: a purged account's number is never given again. */
@Entity('numero_dossier')
export class NumeroDossier {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  numero: string;

  @Column({ type: 'datetime' })
  issuedAt: Date;
}
