import { FormationPubliqueDto } from '../../offre/dto/offre-publique.dto';
import { ModeleDto } from '../../pieces/dto/gestion-pieces.dto';
import { ContactDto } from './candidature.dto';

export class ModelePieceDto extends ModeleDto {
  /** Its public download (GET) @example "/api/offre/pieces/7/modele" */
  url: string;
}

/** A pièce justificative a candidature to the formation asks for */
export class PieceAFournirDto {
  /** Id of the pièce justificative, as in the récapitulatif of a candidature */
  id: number;
  /** @example "CV" */
  code: string;
  /** @example "Curriculum Vitae avec photo" */
  libelle: string;
  /** Conditional: a candidate it does not concern declares « non concerné » instead of providing it */
  conditionnel: boolean;
  /** One file for every candidature of the candidate (common pièce without unicity) */
  partagee: boolean;
  /** A document to download (a form to fill in, an example); null when the pièce has none */
  modele: ModelePieceDto | null;
}

export class CentreResumeDto {
  /** @example "OSUC" */
  code: string;
  /** @example "Observatoire des Sciences de l’Univers en région Centre" */
  libelle: string;
}

export class TypeDiplomeResumeDto {
  /** @example "MAS" */
  code: string;
  /** @example "Master" */
  libelle: string;
}

/** One formation of the public offer: its entry in GET /api/offre, and what applying to it involves */
export class FormationDetailDto extends FormationPubliqueDto {
  centre: CentreResumeDto;
  typeDiplome: TypeDiplomeResumeDto;
  /** Pré-analyse */
  dateAnalyse: string | null;
  /** Date limite de confirmation of an admission; null with a delay (delaiConfirmation) */
  dateConfirmation: string | null;
  /** Days to confirm after a favourable decision, when the formation counts so */
  delaiConfirmation: number | null;
  /** What a new candidature asks for, in display order (DEMATERIALISE: uploaded online; PAPIER: posted with the file) */
  pieces: PieceAFournirDto[];
  /** The commission: where a paper file is posted, whom to ask */
  contact: ContactDto;
  /** The commission's text for candidates */
  messageCommission: string | null;
}
