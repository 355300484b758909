import type { paths } from '@client';

/** The query of GET /api/candidatures, as the contract types it. */
export type RequeteListe = NonNullable<paths['/api/candidatures']['get']['parameters']['query']>;
/** The filters the exports take: the list's, without sort nor pagination. */
export type FiltresExport = NonNullable<paths['/api/candidatures/export.csv']['get']['parameters']['query']>;

export const STATUTS_DOSSIER = { AT: 'En attente', RE: 'Réceptionné', IN: 'Incomplet', CO: 'Complet' } as const;
export const TYPES_TRAITEMENT = { AC: 'Accès contrôlé', AD: 'Accès direct', AT: 'En attente' } as const;
export const TYPES_AVIS = { FA: 'Favorable', DE: 'Défavorable', LC: 'Liste complémentaire', LA: 'Liste d’attente', PR: 'Présélection' } as const;
export const TRIS = { createdAt: 'Date de candidature', nom: 'Nom', numeroDossier: 'Numéro de dossier', formation: 'Formation', statutDossier: 'Statut du dossier' } as const;

const dans = <T extends object>(objet: T, valeur: string | null): valeur is Extract<keyof T, string> => valeur !== null && valeur in objet;
const booleen = (valeur: string | null) => (valeur === 'true' ? true : valeur === 'false' ? false : undefined);
const nombre = (valeur: string | null) => (valeur && /^\d+$/.test(valeur) ? Number(valeur) : undefined);
const texte = (valeur: string | null) => valeur?.trim() || undefined;

/** The export's filters read from the page's address (the address is the list's state: shareable, back button). */
export function filtresDe(params: URLSearchParams): FiltresExport {
  const avis = params.get('avis');
  const statut = params.get('statutDossier');
  const type = params.get('typeTraitement');
  const filtres: FiltresExport = {
    statutDossier: dans(STATUTS_DOSSIER, statut) ? statut : undefined,
    typeTraitement: dans(TYPES_TRAITEMENT, type) ? type : undefined,
    avis: avis === 'AUCUN' || dans(TYPES_AVIS, avis) ? avis : undefined,
    avisValide: booleen(params.get('avisValide')),
    acceptee: booleen(params.get('acceptee')),
    annulees: booleen(params.get('annulees')),
    campagne: nombre(params.get('campagne')),
    formationId: nombre(params.get('formationId')),
    etiquette: nombre(params.get('etiquette')),
    commission: texte(params.get('commission')),
    centre: texte(params.get('centre')),
    q: texte(params.get('q')),
  };
  return Object.fromEntries(Object.entries(filtres).filter(([, v]) => v !== undefined)) as FiltresExport;
}

/** The list's whole query: filters, sort, page or cursor (`apres`), page size. */
export function requeteDe(params: URLSearchParams): RequeteListe {
  const tri = params.get('sort');
  return {
    ...filtresDe(params),
    sort: dans(TRIS, tri) ? tri : 'createdAt',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
    limit: nombre(params.get('limit')) ?? 20,
    ...(params.get('apres') ? { apres: params.get('apres')! } : { page: nombre(params.get('page')) ?? 1 }),
  };
}
