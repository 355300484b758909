import { ApiProperty } from '@nestjs/swagger';
import { RequiredIdentifiant, RequiredText } from '../../common/validation/decorators';
import { TypeTraitement } from '../../offre/entities/formation.entity';
import { StatutDossier } from '../entities/candidature.entity';

export class CandidaterInput {
  /** The formation (id of the public offer) @example 4 */
  @RequiredIdentifiant('doit être un identifiant de formation')
  formationId: number;
}

export class CandidatureParams {
  /** @example 1 */
  @RequiredIdentifiant('doit être un identifiant de candidature')
  id: number;
}

export class StatutDossierDto {
  @ApiProperty({ enum: StatutDossier, enumName: 'StatutDossier', description: 'AT en attente, RE réceptionné, IN incomplet, CO complet' })
  code: StatutDossier;

  /** @example "En attente" */
  libelle: string;
}

export class TypeTraitementCandidatureDto {
  @ApiProperty({ enum: TypeTraitement, enumName: 'TypeTraitement', description: 'AC accès contrôlé, AD accès direct, AT en attente' })
  code: TypeTraitement;

  /** @example "Accès contrôlé" */
  libelle: string;

  /** Validated by staff; shown as « (Non validé) » otherwise */
  valide: boolean;
}

export class PreselectionDto {
  /** @example "2027-05-02" */
  date: string;
  /** @example "09:30" */
  heure: string;
  lieu: string;
}

/** The decision the candidate sees: the latest validated and published avis */
export class DecisionDto {
  @ApiProperty({ enum: ['FA', 'DE', 'LC', 'LA', 'PR'], nullable: true, type: 'string', description: 'FA favorable, DE défavorable, LC liste complémentaire, LA liste d’attente, PR présélection; null while there is none' })
  code: string | null;

  /** The type de décision's label (« Avis favorable sous réserve »), or « En attente » @example "En attente" */
  libelle: string;

  /** The type de décision (GET /api/candidatures/types-decision) @example "AVIS_FAVORABLE" */
  typeDecision?: string | null;

  /** A final decision (the admission or refusal letter goes with it) */
  definitif?: boolean;

  /** Liste complémentaire: the rank among those still waiting */
  rang?: number | null;

  /** Défavorable: why */
  motif?: string | null;

  /** The commission's comment, when it chose to show it */
  commentaire?: string | null;

  preselection?: PreselectionDto | null;

  /** Favorable: the confirmation deadline (YYYY-MM-DD), when known */
  dateLimiteConfirmation?: string | null;
}

/** The candidate's answer to a favourable decision: final once given (a confirmed candidate may still withdraw) */
export class ReponseDto {
  @ApiProperty({ enum: ['CONFIRMEE', 'DESISTEE'], description: 'CONFIRMEE the candidate confirmed, DESISTEE withdrawn (by the candidate, or automatically past the deadline)' })
  code: 'CONFIRMEE' | 'DESISTEE';
  /** @example "Désistement" */
  libelle: string;
  /** When, ISO-8601 */
  date: string | null;
  /** Withdrawn automatically because the confirmation deadline passed without an answer */
  automatique: boolean;
}

export class FormationResumeDto {
  id: number;
  /** @example "M1-GEO2ENV" */
  code: string;
  /** @example "M1 SCIENCES DE LA TERRE ET DES PLANETES, ENVIRONNEMENT -GEO2env" */
  libelle: string;
  /** Pièces uploaded online (true) or a paper file to post (false) */
  demat: boolean;
}

/** One line of the candidate's list, as in the guide's table */
export class CandidatureResumeDto {
  id: number;
  formation: FormationResumeDto;
  /** Date limite de retour, YYYY-MM-DD */
  dateLimiteRetour: string;
  statutDossier: StatutDossierDto;
  decision: DecisionDto;
  createdAt: string;
}

export class DatesUtilesDto {
  /** Date limite de retour du dossier ou des pièces (the one staff set for this candidature when later than the formation's) */
  limiteRetour: string;
  analyse: string | null;
  jury: string | null;
  publication: string | null;
  /** Date limite de confirmation: the one staff set for this candidature, else the formation's; null with a delay counted from the decision (see delaiConfirmation) */
  confirmation: string | null;
  /** Days to confirm after a favourable decision, when the formation counts so */
  delaiConfirmation: number | null;
}

export class ContactDto {
  /** @example "OSUC - SCOLARITE" */
  commission: string;
  /** Postal address, one line each, as on an envelope */
  adresse: string[];
  email: string | null;
  telephone: string | null;
}

export class ActionDto {
  possible: boolean;
  /** Why not, in French, when it is not possible */
  raison: string | null;
}

export class ActionsDto {
  /** « Annuler la candidature »: statut en attente and no avis */
  annuler: ActionDto;
  /** Upload, replace or declare « non concerné » a pièce (demat formations) */
  deposerPieces: ActionDto;
  /** « Transmettre ma candidature » */
  transmettre: ActionDto;
  /** « Télécharger mon dossier » (PDF) */
  telechargerDossier: ActionDto;
  /** « Confirmer » a favourable decision before its deadline */
  confirmer: ActionDto;
  /** « Se désister » of a favourable decision, confirmed or not */
  desister: ActionDto;
}

export class PieceCandidatureDto {
  /** Id of the pièce justificative */
  id: number;
  code: string;
  libelle: string;
  @ApiProperty({ enum: ['AT', 'TR', 'VA', 'RE', 'NC'], description: 'AT en attente, TR transmise, VA validée, RE refusée, NC non concerné' })
  statut: string;
  /** @example "En attente" */
  statutLibelle: string;
  /** The candidate may declare « non concerné » */
  conditionnel: boolean;
  /** One file shared by every candidature of the candidate (common pièce without unicity) */
  partagee: boolean;
  /** Name of the uploaded file */
  fichier: string | null;
  /** Staff comment (a refused pièce says why) */
  commentaire: string | null;
  /** A model document can be downloaded from /api/offre/pieces/{id}/modele */
  modele: boolean;
}

/** « Récapitulatif de votre candidature » */
export class CandidatureDto {
  id: number;
  numeroDossier: string;
  formation: FormationResumeDto;
  statutDossier: StatutDossierDto;
  typeTraitement: TypeTraitementCandidatureDto;
  decision: DecisionDto;
  /** The candidate's answer to a favourable decision; null while none */
  reponse: ReponseDto | null;
  /** The OPI code, while the candidate's confirmation stands */
  codeOpi: string | null;
  dates: DatesUtilesDto;
  contact: ContactDto;
  /** The formation's complementary information */
  informationsComplementaires: string | null;
  /** The commission's text for candidates */
  messageCommission: string | null;
  pieces: PieceCandidatureDto[];
  actions: ActionsDto;
  createdAt: string;
  transmiseAt: string | null;
  annuleeAt: string | null;
}

export class PieceParams extends CandidatureParams {
  /** @example 3 */
  @RequiredIdentifiant('doit être un identifiant de pièce justificative')
  pieceId: number;
}

/** A « proposition »: staff create a candidature for a candidate, outside the formation's window and the maximum */
export class PropositionInput extends CandidaterInput {
  /** The candidate's numéro de dossier @example "0WBZPM9X" */
  @RequiredText(20)
  numeroDossier: string;
}
