import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The institution block of every letter, one row (id 1) once staff set it; without it letters are as shipped. */
@Entity('lettre_etablissement')
export class LettreEtablissement {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** « Université d'Orléans »; null: the application's name */
  @Column({ type: 'varchar', length: 200, nullable: true })
  nom: string | null;

  /** For candidates who chose English; null: the French one */
  @Column({ type: 'varchar', length: 200, nullable: true })
  nomEn: string | null;

  /** Postal address, one line per line */
  @Column({ type: 'varchar', length: 700, nullable: true })
  adresse: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  signataireNom: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  signataireTitre: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  signataireTitreEn: string | null;

  /** FileStorage key of the logo (PNG or JPEG) */
  @Column({ type: 'varchar', length: 100, nullable: true })
  logoCle: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  logoType: string | null;

  /** FileStorage key of the signatory's signature image (PNG or JPEG) */
  @Column({ type: 'varchar', length: 100, nullable: true })
  signatureCle: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  signatureType: string | null;

  /** Login of the member of staff who saved it last */
  @Column({ type: 'varchar', length: 100 })
  updatedBy: string;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
