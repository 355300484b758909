import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { frontEndPageAt } from '../front-end/front-end-pages';
import { isDatabaseUnavailable, unavailabilityCause } from '../../database/database-unavailable';
import { DomainError, ServiceUnavailable, TooManyRequests, baseIndisponible } from './domain-errors';
import { ProblemDto } from './problem.dto';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const GENERIC: Record<number, [code: string, title: string, detail: string]> = {
  400: ['REQUETE_INVALIDE', 'Requête invalide', 'La requête est mal formée.'],
  401: ['AUTHENTIFICATION_REQUISE', 'Authentification requise', 'Vous devez être connecté pour accéder à cette ressource.'],
  403: ['ACCES_INTERDIT', 'Accès interdit', "Vous n'avez pas les droits nécessaires pour cette action."],
  404: ['ROUTE_INTROUVABLE', 'Ressource introuvable', "Cette adresse ne correspond à aucune ressource de l'API."],
  405: ['METHODE_NON_AUTORISEE', 'Méthode non autorisée', "Cette méthode HTTP n'est pas acceptée sur cette adresse."],
  406: ['FORMAT_NON_DISPONIBLE', 'Format non disponible', "Le format demandé (en-tête Accept) n'est pas disponible."],
  408: ['DELAI_DEPASSE', 'Délai dépassé', 'La requête a mis trop de temps à arriver.'],
  409: ['CONFLIT', 'Conflit', "La requête est en conflit avec l'état actuel de la ressource."],
  413: ['CORPS_TROP_VOLUMINEUX', 'Contenu trop volumineux', 'Le contenu envoyé dépasse la taille autorisée.'],
  415: ['TYPE_DE_CONTENU_NON_SUPPORTE', 'Type de contenu non supporté', "Le type de contenu envoyé (en-tête Content-Type) n'est pas accepté."],
  429: ['TROP_DE_REQUETES', 'Trop de requêtes', 'Trop de requêtes en peu de temps : réessayez dans quelques instants.'],
  503: ['SERVICE_INDISPONIBLE', 'Service indisponible', 'Le service est momentanément indisponible : réessayez dans quelques instants.'],
};
const INTERNAL: [string, string, string] = [
  'ERREUR_INTERNE',
  'Erreur interne',
  "Une erreur inattendue s'est produite. Si elle persiste, communiquez l'identifiant de la requête au support.",
];

/** Answers every error as RFC 9457 problem+json with a stable code and a French detail; never leaks internals. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(thrown: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const requestId = String(request.id);
    // Never the query string: it may hold a mail link's token or a CAS ticket.
    const path = request.url.split('?')[0];
    let exception = thrown;
    if (isDatabaseUnavailable(thrown)) {
      // An outage, not a bug: one line per request (its stack would say nothing), and a 503 the client may retry.
      this.logger.warn({ requestId, cause: unavailabilityCause(thrown) }, 'Base de données indisponible');
      exception = baseIndisponible();
    }
    const problem = this.toProblem(exception, requestId, `${request.method} ${path}`, path);
    if (problem.status >= 500 && !(exception instanceof DomainError)) {
      this.logger.error({ err: exception, requestId }, 'Erreur non gérée');
    }
    if (reply.sent) return;
    const retryAfter = exception instanceof TooManyRequests || exception instanceof ServiceUnavailable ? exception.retryAfterSeconds : undefined;
    if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    reply
      .status(problem.status)
      .header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
      // A route may have set a caching header before failing: an error must never be cached.
      .header('cache-control', 'no-store')
      .send(problem);
  }

  private toProblem(exception: unknown, requestId: string, instance: string, path: string): ProblemDto {
    if (exception instanceof DomainError) {
      const { status, title, code, detail, errors } = exception;
      return { type: problemType(code), title, status, detail, code, instance, requestId, ...(errors ? { errors } : {}) };
    }
    const status = statusOf(exception);
    const [code, title, detail] = status === 500 ? INTERNAL : (GENERIC[status] ?? GENERIC[400]);
    return { type: problemType(code), title, status, detail: this.detailFor(exception, status, path) ?? detail, code, instance, requestId };
  }

  /** A few framework errors deserve a more precise sentence than the generic one. */
  private detailFor(exception: unknown, status: number, path: string): string | undefined {
    if (status >= 500) return undefined;
    const fastifyCode = (exception as { code?: unknown })?.code;
    if (fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY' || exception instanceof SyntaxError) {
      return "Le corps de la requête n'est pas un JSON valide.";
    }
    if (fastifyCode === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'Le corps de la requête est vide alors que du JSON est attendu.';
    if (status === 404 && exception instanceof HttpException) return frontEndPageDetail(path) ?? "Cette adresse ne correspond à aucune ressource de l'API.";
    return undefined;
  }
}

/** A mail link followed to the API's own address (PUBLIC_URL set to the API, as on the embedded default). */
function frontEndPageDetail(path: string): string | undefined {
  const page = frontEndPageAt(path);
  return (
    page &&
    `Cette adresse est celle d'une page du front-end (lien d'un mail), que l'API ne sert pas : PUBLIC_URL doit désigner le front-end. Cette page appelle ${page.api.join(' puis ')}.`
  );
}

function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { statusCode?: unknown; status?: unknown })?.statusCode ?? (exception as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 600) return status;
  return 500;
}

/** The problem's `type` URI, from its code. */
export function problemType(code: string): string {
  return `urn:candidatures:probleme:${code}`;
}
