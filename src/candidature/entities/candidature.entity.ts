import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CompteCandidat } from '../../auth/entities/compte-candidat.entity';
import { Campagne } from '../../offre/entities/campagne.entity';
import { Formation, TypeTraitement } from '../../offre/entities/formation.entity';
import type { TypeAvis } from './avis.entity';

/** Statut du dossier (reference codes). */
export enum StatutDossier {
  /** En attente: not received yet */
  AT = 'AT',
  /** Réceptionné */
  RE = 'RE',
  /** Incomplet */
  IN = 'IN',
  /** Complet */
  CO = 'CO',
}

/**
 * A candidate's vœu for one formation. Cancelling keeps the row (staff see cancelled candidatures) and sets
 * `nonAnnulee` to NULL: the unique index on (compte, formation, nonAnnulee) then allows one live candidature per
 * formation and any number of cancelled ones, on both engines (NULLs never collide in a unique index).
 */
@Entity('candidature')
@Index('candidature_compte_formation_uq', ['compteCandidatId', 'formationId', 'nonAnnulee'], { unique: true })
@Index('candidature_formation_id_idx', ['formationId'])
@Index('candidature_campagne_id_idx', ['campagneId'])
@Index('candidature_statut_dossier_idx', ['statutDossier'])
@Index('candidature_type_traitement_idx', ['typeTraitement'])
@Index('candidature_acceptee_idx', ['acceptee'])
@Index('candidature_liste_id_idx', ['campagneId', 'nonAnnulee', 'id', 'formationId'])
@Index('candidature_liste_cree_idx', ['campagneId', 'nonAnnulee', 'createdAt', 'id', 'formationId'])
@Index('candidature_liste_nom_idx', ['campagneId', 'nonAnnulee', 'nomRecherche', 'id', 'formationId'])
@Index('candidature_liste_numero_idx', ['campagneId', 'nonAnnulee', 'numeroDossier', 'id', 'formationId'])
@Index('candidature_liste_statut_idx', ['campagneId', 'nonAnnulee', 'statutDossier', 'createdAt', 'id', 'formationId'])
@Index('candidature_liste_tri_statut_idx', ['campagneId', 'nonAnnulee', 'statutDossier', 'id', 'formationId'])
@Index('candidature_liste_traitement_idx', ['campagneId', 'nonAnnulee', 'typeTraitement', 'createdAt', 'id', 'formationId'])
@Index('candidature_liste_acceptee_idx', ['campagneId', 'nonAnnulee', 'acceptee', 'createdAt', 'id', 'formationId'])
@Index('candidature_liste_avis_idx', ['campagneId', 'nonAnnulee', 'avisType', 'createdAt', 'id', 'formationId'])
@Index('candidature_liste_avis_valide_idx', ['campagneId', 'nonAnnulee', 'avisValide', 'createdAt', 'id', 'formationId'])
@Index('candidature_liste_formation_idx', ['formationId', 'campagneId', 'nonAnnulee', 'createdAt'])
@Index('candidature_liste_code_formation_idx', ['campagneId', 'nonAnnulee', 'formationCode', 'formationId'])
// The statistics' counts per formation, from the index alone (requete-statistiques.ts).
@Index('candidature_statistiques_idx', ['formationId', 'campagneId', 'nonAnnulee', 'statutDossier', 'typeTraitement', 'avisType', 'avisValide', 'acceptee', 'rangListeComplementaire'])
export class Candidature {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  campagneId: number;

  @ManyToOne(() => Campagne, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'campagne_id', foreignKeyConstraintName: 'candidature_campagne_fk' })
  campagne?: Campagne;

  @Column({ type: 'integer' })
  compteCandidatId: number;

  @ManyToOne(() => CompteCandidat, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'compte_candidat_id', foreignKeyConstraintName: 'candidature_compte_candidat_fk' })
  compteCandidat?: CompteCandidat;

  @Column({ type: 'integer' })
  formationId: number;

  @ManyToOne(() => Formation, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'formation_id', foreignKeyConstraintName: 'candidature_formation_fk' })
  formation?: Formation;

  @Column({ type: 'simple-enum', enum: StatutDossier, default: StatutDossier.AT })
  statutDossier: StatutDossier;

  @Column({ type: 'datetime' })
  statutDossierAt: Date;

  @Column({ type: 'simple-enum', enum: TypeTraitement })
  typeTraitement: TypeTraitement;

  /** Whether staff validated the type de traitement (AC is validated on creation) */
  @Column({ type: 'boolean', default: false })
  typeTraitementValide: boolean;

  @Column({ type: 'datetime' })
  createdAt: Date;

  /** When the candidate clicked « Transmettre ma candidature » (last time) */
  @Column({ type: 'datetime', nullable: true })
  transmiseAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  annuleeAt: Date | null;

  /** Numéro de dossier or staff login of whoever cancelled */
  @Column({ type: 'varchar', length: 50, nullable: true })
  annuleePar: string | null;

  /** true while live, NULL once cancelled (see the unique index) */
  @Column({ type: 'boolean', nullable: true, default: true })
  nonAnnulee: true | null;

  /** Dates of the statut changes made by staff (YYYY-MM-DD, the date they typed) */
  @Column({ type: 'varchar', length: 10, nullable: true })
  dateReception: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  dateComplet: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  dateIncomplet: string | null;

  /** Confirmation (true) or withdrawal (false) after a favourable decision; null: not answered */
  @Column({ type: 'boolean', nullable: true })
  acceptee: boolean | null;

  @Column({ type: 'datetime', nullable: true })
  accepteeAt: Date | null;

  /** Numéro de dossier, staff login, or `autoDesist` for the automatic withdrawal */
  @Column({ type: 'varchar', length: 50, nullable: true })
  acceptePar: string | null;

  /** Confirmation deadline set by staff for this candidature, over the formation's */
  @Column({ type: 'varchar', length: 10, nullable: true })
  dateConfirmationCandidature: string | null;

  /** Return deadline set by staff for this candidature, over the formation's */
  @Column({ type: 'varchar', length: 10, nullable: true })
  dateRetourCandidature: string | null;

  /** The reminder before the confirmation deadline was sent (once) */
  @Column({ type: 'boolean', default: false })
  relanceEnvoyee: boolean;

  /** The reminder before the return date, to a candidate who had not transmitted, was sent (once) */
  @Column({ type: 'boolean', default: false })
  relanceRetourEnvoyee: boolean;

  /**
   * The rank on the formation's liste complémentaire, 1..n, while the latest validated avis is LC (null otherwise):
   * written only by liste-complementaire.ts, read by every view (staff list, exports, récapitulatif, mails).
   */
  @Column({ type: 'integer', nullable: true })
  rangListeComplementaire: number | null;

  /** Set on confirmation: prefix + numéro de dossier */
  @Column({ type: 'varchar', length: 20, nullable: true })
  codeOpi: string | null;

  /** The formation's dates, copied when the campaign is archived (JSON); the candidature is read-only then */
  @Column({ type: 'text', nullable: true })
  datesArchivees: string | null;

  /** The current avis (latest row of the history, validated or not), copied for the staff list: liste-candidature-colonnes.ts */
  // The values of TypeAvis, spelt out: avis.entity.ts imports this file, so its enum may not be loaded yet here.
  @Column({ type: 'simple-enum', enum: ['FA', 'DE', 'LC', 'LA', 'PR'], nullable: true })
  avisType: TypeAvis | null;

  /** Whether the current avis is validated; null without avis (liste-candidature-colonnes.ts) */
  @Column({ type: 'boolean', nullable: true })
  avisValide: boolean | null;

  /** The candidate's folded name (candidat.nom_recherche), copied for the staff list: liste-candidature-colonnes.ts */
  @Column({ type: 'varchar', length: 300, nullable: true })
  nomRecherche: string | null;

  /** The account's numéro de dossier (never changes), copied for the staff list's sort */
  @Column({ type: 'varchar', length: 8, nullable: true })
  numeroDossier: string | null;

  /** The formation's code, copied for the staff list's sort: liste-candidature-colonnes.ts */
  @Column({ type: 'varchar', length: 50, nullable: true })
  formationCode: string | null;

  /** Optimistic concurrency for staff changes */
  @Column({ type: 'integer', default: 1 })
  version: number;

  /** Incremented by lockRows (src/database/row-lock.ts), whose lock is this write; never read */
  @Column({ type: 'integer', default: 0, select: false })
  lockCount?: number;
}
