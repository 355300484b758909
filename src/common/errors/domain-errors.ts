/** One invalid field of a request, as shown to the person who typed it. */
export interface FieldError {
  /** Path of the field in the request: `annee`, `adresse.codePostal` */
  field: string;
  /** French sentence */
  message: string;
}

/**
 * A rule of the service refused the request. Services throw these; the problem filter turns them into
 * RFC 9457 responses. `code` is stable for clients, `detail` is a French sentence for the candidate.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;

  constructor(
    readonly code: string,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

/** A request refused for what it holds, with a code of its own (an unreadable file…); `errors` names the fields. */
export class InvalidRequest extends DomainError {
  readonly status = 400;
  readonly title = 'Requête invalide';
}

/** The request's fields fail validation: REQUETE_INVALIDE, `errors` naming each field. */
export class ValidationFailed extends InvalidRequest {
  constructor(errors: FieldError[], detail = describeFields(errors)) {
    super('REQUETE_INVALIDE', detail, errors);
  }
}

export class Unauthorized extends DomainError {
  readonly status = 401;
  readonly title = 'Authentification requise';
  constructor(code = 'AUTHENTIFICATION_REQUISE', detail = 'Vous devez être connecté pour accéder à cette ressource.') {
    super(code, detail);
  }
}

export class Forbidden extends DomainError {
  readonly status = 403;
  readonly title = 'Accès interdit';
  constructor(code = 'ACCES_INTERDIT', detail = "Vous n'avez pas les droits nécessaires pour cette action.") {
    super(code, detail);
  }
}

export class NotFound extends DomainError {
  readonly status = 404;
  readonly title = 'Ressource introuvable';
  constructor(code: string, detail: string) {
    super(code, detail);
  }
}

export class Conflict extends DomainError {
  readonly status = 409;
  readonly title = 'Conflit';
  constructor(code: string, detail: string) {
    super(code, detail);
  }
}

/** A business rule of the reference process (window closed, too many vœux…) refuses an otherwise valid request. */
export class BusinessRule extends DomainError {
  readonly status = 422;
  readonly title = 'Règle de gestion non respectée';
  constructor(code: string, detail: string, errors?: FieldError[]) {
    super(code, detail, errors);
  }
}

/** The section changed since the caller read it (its If-Match names an older version): nothing was written. */
export class PreconditionFailed extends DomainError {
  readonly status = 412;
  readonly title = 'Données modifiées entre-temps';
  constructor(detail = "Ces informations ont été modifiées depuis que vous les avez lues (sur un autre appareil ou par un gestionnaire) : rechargez-les, puis refaites vos changements.") {
    super('VERSION_PERIMEE', detail);
  }
}

/** What was sent is larger than allowed (an uploaded file over the configured size): nothing was kept. */
export class PayloadTooLarge extends DomainError {
  readonly status = 413;
  readonly title = 'Contenu trop volumineux';
  constructor(code: string, detail: string, errors?: FieldError[]) {
    super(code, detail, errors);
  }
}

/** Changing existing data needs the If-Match of the version read, so that no edit silently overwrites another. */
export class PreconditionRequired extends DomainError {
  readonly status = 428;
  readonly title = 'En-tête If-Match requis';
  constructor() {
    super('IF_MATCH_REQUIS', "Pour modifier ces informations, envoyez l'en-tête If-Match avec l'ETag reçu en les lisant.");
  }
}

/** Too many attempts from one address or on one account: the answer carries `Retry-After`. */
export class TooManyRequests extends DomainError {
  readonly status = 429;
  readonly title = 'Trop de tentatives';
  constructor(readonly retryAfterSeconds: number) {
    super(
      'TROP_DE_TENTATIVES',
      `Trop de tentatives en peu de temps : réessayez dans ${retryAfterSeconds < 120 ? `${retryAfterSeconds} secondes` : `${Math.ceil(retryAfterSeconds / 60)} minutes`}.`,
    );
  }
}

/** A dependency is down; `retryAfterSeconds`, when known, becomes the answer's `Retry-After`. */
export class ServiceUnavailable extends DomainError {
  readonly status = 503;
  readonly title = 'Service indisponible';
  constructor(
    code: string,
    detail: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(code, detail);
  }
}

/** The database is unreachable, frozen or overloaded (see isDatabaseUnavailable): the request may be sent again. */
export const baseIndisponible = () =>
  new ServiceUnavailable(
    'BASE_DE_DONNEES_INDISPONIBLE',
    'La base de données ne répond pas pour le moment : réessayez dans quelques instants.',
    5,
  );

function describeFields(errors: FieldError[]): string {
  if (errors.length === 1) return `Le champ « ${errors[0].field} » est invalide : ${errors[0].message}.`;
  return `${errors.length} champs sont invalides : ${errors.map((e) => `« ${e.field} »`).join(', ')}.`;
}
