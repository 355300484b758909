/** RFC 9457 problem details, the body of every error response (`application/problem+json`). */
export class ProblemFieldErrorDto {
  /** Path of the invalid field in the request @example "annee" */
  field: string;
  /** What is wrong, in French @example "doit être un entier entre 1900 et 2100" */
  message: string;
}

export class ProblemDto {
  /** URI identifying the kind of problem @example "urn:candidatures:probleme:REQUETE_INVALIDE" */
  type: string;
  /** Short summary of the kind of problem @example "Requête invalide" */
  title: string;
  /** HTTP status @example 400 */
  status: number;
  /** What happened, as a sentence a candidate understands @example "Le champ « annee » est invalide : doit être un entier entre 1900 et 2100." */
  detail: string;
  /** Stable code a client can branch on @example "REQUETE_INVALIDE" */
  code: string;
  /** The request, method and path @example "GET /api/referentiels/series-bac?annee=abc" */
  instance: string;
  /** Request id, also in the X-Request-Id header; quote it to the support desk @example "4d3c2f1e-7a8b-4c5d-9e0f-1a2b3c4d5e6f" */
  requestId: string;
  /** Invalid fields, for a 400 */
  errors?: ProblemFieldErrorDto[];
}
