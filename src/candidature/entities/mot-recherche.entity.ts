import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CompteCandidat } from '../../auth/entities/compte-candidat.entity';

/** Longest word kept (a longer one is cut: its start is what staff type) */
export const LONGUEUR_MOT = 60;

/**
 * The words staff search a candidate by, one row each: every word of the folded names (naissance, usage, prénom),
 * the numéro de dossier and the INE. The staff list's `q` finds an account by the start of a word through the index
 * (mot, account), which a `LIKE '% MOT%'` on the name can never use. Written only by liste-candidature-colonnes.ts.
 */
@Entity('mot_recherche')
@Index('mot_recherche_mot_idx', ['mot', 'compteCandidatId'])
export class MotRecherche {
  @PrimaryColumn({ type: 'integer' })
  compteCandidatId: number;

  @ManyToOne(() => CompteCandidat, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'compte_candidat_id', foreignKeyConstraintName: 'mot_recherche_compte_candidat_fk' })
  compteCandidat?: CompteCandidat;

  /** Upper case A-Z and 0-9 (normalizeForSearch) */
  @PrimaryColumn({ type: 'varchar', length: LONGUEUR_MOT })
  mot: string;
}
