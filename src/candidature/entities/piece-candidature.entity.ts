import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PieceJustificative } from '../../pieces/entities/piece-justificative.entity';
import { Candidature } from './candidature.entity';

/** Statut of a pièce in a candidature; no row means AT (en attente). */
export enum StatutPiece {
  AT = 'AT',
  /** Transmise: a file was uploaded, not checked yet */
  TR = 'TR',
  /** Validée by staff: locked for the candidate */
  VA = 'VA',
  /** Refusée by staff (with a comment): to upload again */
  RE = 'RE',
  /** Non concerné: declared by the candidate for a conditional pièce */
  NC = 'NC',
}

/**
 * A pièce of one candidature. A common pièce without unicity is one file for all the candidate's candidatures: its
 * rows share the same stored file (`fichierCle`), which is deleted only when no row refers to it any more.
 */
@Entity('piece_candidature')
@Index('piece_candidature_candidature_piece_uq', ['candidatureId', 'pieceId'], { unique: true })
@Index('piece_candidature_piece_id_idx', ['pieceId'])
@Index('piece_candidature_fichier_cle_idx', ['fichierCle'])
export class PieceCandidature {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  candidatureId: number;

  @ManyToOne(() => Candidature, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'candidature_id', foreignKeyConstraintName: 'piece_candidature_candidature_fk' })
  candidature?: Candidature;

  @Column({ type: 'integer' })
  pieceId: number;

  @ManyToOne(() => PieceJustificative, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'piece_id', foreignKeyConstraintName: 'piece_candidature_piece_fk' })
  piece?: PieceJustificative;

  @Column({ type: 'simple-enum', enum: StatutPiece })
  statut: StatutPiece;

  /** Staff comment, shown to the candidate */
  @Column({ type: 'varchar', length: 500, nullable: true })
  commentaire: string | null;

  /** Storage key of the file (FileStorage) */
  @Column({ type: 'varchar', length: 100, nullable: true })
  fichierCle: string | null;

  /** The file's name as uploaded (sanitised) */
  @Column({ type: 'varchar', length: 200, nullable: true })
  fichierNom: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  fichierType: string | null;

  @Column({ type: 'integer', nullable: true })
  fichierTaille: number | null;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
