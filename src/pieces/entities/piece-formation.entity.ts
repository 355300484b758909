import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Formation } from '../../offre/entities/formation.entity';
import { PieceJustificative } from './piece-justificative.entity';

/**
 * A specific (non-common) pièce justificative asked of the candidatures to one formation (pj_form of the reference).
 * The primary key (piece_id, formation_id) indexes piece_id; formation_id has its own index.
 */
@Entity('piece_formation')
@Index('piece_formation_formation_id_idx', ['formationId'])
export class PieceFormation {
  @PrimaryColumn({ type: 'integer' })
  pieceId: number;

  @PrimaryColumn({ type: 'integer' })
  formationId: number;

  @ManyToOne(() => PieceJustificative, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'piece_id', foreignKeyConstraintName: 'piece_formation_piece_fk' })
  piece?: PieceJustificative;

  @ManyToOne(() => Formation, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'formation_id', foreignKeyConstraintName: 'piece_formation_formation_fk' })
  formation?: Formation;
}
