import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '@client';
import { $api, api } from '../commun/api';

/** An option of a list: the code the API takes and what the candidate reads. */
export interface Option {
  valeur: string;
  libelle: string;
}

export const FRANCE = 'FR';
const UNE_FOIS = { staleTime: Infinity } as const;

/** Every country (the list has more than one page of 200). */
async function tousLesPays(): Promise<Schemas['PaysDto'][]> {
  const pays: Schemas['PaysDto'][] = [];
  for (let page = 1; ; page++) {
    const { data, error } = await api.GET('/api/referentiels/pays', { params: { query: { page, limit: 200 } } });
    if (error) throw error;
    pays.push(...data.items);
    if (data.items.length === 0 || pays.length >= data.total) return pays;
  }
}

export function usePays(): Schemas['PaysDto'][] {
  return useQuery({ queryKey: ['referentiel', 'pays'], queryFn: tousLesPays, ...UNE_FOIS }).data ?? [];
}

/** Countries as options, France first (most candidates), then by name. */
export function optionsPays(pays: Schemas['PaysDto'][], nationalite = false): Option[] {
  const options = pays
    .filter((p) => !nationalite || p.nationalite)
    .map((p) => ({ valeur: p.code, libelle: nationalite ? (p.nationalite as string) : p.libelle }))
    .sort((a, b) => a.libelle.localeCompare(b.libelle, 'fr'));
  const france = options.findIndex((o) => o.valeur === FRANCE);
  return france < 0 ? options : [options[france], ...options.filter((_, i) => i !== france)];
}

export function useDepartements(): Option[] {
  const { data } = $api.useQuery('get', '/api/referentiels/departements', { params: { query: { limit: 200 } } }, UNE_FOIS);
  return (data?.items ?? []).map((d) => ({ valeur: d.code, libelle: `${d.code} - ${d.libelle}` }));
}

export function useMentions(): Option[] {
  const { data } = $api.useQuery('get', '/api/referentiels/mentions', { params: { query: { limit: 200 } } }, UNE_FOIS);
  return (data?.items ?? []).map((m) => ({ valeur: m.code, libelle: m.libelle }));
}

export function useTypesDiplome(): Option[] {
  const { data } = $api.useQuery('get', '/api/referentiels/types-diplome', { params: { query: { limit: 200 } } }, UNE_FOIS);
  return (data?.items ?? []).map((t) => ({ valeur: t.code, libelle: t.libelle }));
}

/** The établissements of a département (none asked without one). */
export function useEtablissements(departement: string | undefined, type?: 'LYCEE' | 'SUPERIEUR'): Option[] {
  const { data } = $api.useQuery('get', '/api/referentiels/etablissements', { params: { query: { limit: 200, departement, type } } }, { ...UNE_FOIS, enabled: Boolean(departement) });
  return (departement ? (data?.items ?? []) : []).map((e) => ({ valeur: e.code, libelle: `${e.libelle} (${e.libelleCommune})` }));
}

/** A year typed in a field, when it is one (4 digits). */
export function anneeSaisie(texte: string): number | undefined {
  return /^\d{4}$/.test(texte.trim()) ? Number(texte.trim()) : undefined;
}

/** The séries awarded in that year (all of them while no year is typed). */
export function useSeriesBac(annee: number | undefined): Schemas['SerieBacDto'][] {
  const { data } = $api.useQuery('get', '/api/referentiels/series-bac', { params: { query: { limit: 200, annee } } }, UNE_FOIS);
  return data?.items ?? [];
}

export function useSpecialitesBac(annee: number | undefined): Option[] {
  const { data } = $api.useQuery('get', '/api/referentiels/specialites-bac', { params: { query: { limit: 200, annee } } }, { ...UNE_FOIS, enabled: annee !== undefined });
  return (annee !== undefined ? (data?.items ?? []) : []).map((s) => ({ valeur: s.code, libelle: s.libelle }));
}

/** The label of a code among options, or the code itself while the list loads. */
export function libelleDe(options: Option[], code: string | null | undefined): string {
  if (!code) return '';
  return options.find((o) => o.valeur === code)?.libelle ?? code;
}

/**
 * The name of a commune from its INSEE code: the reference data is searched by name, postal code or département
 * only, so the commune is looked for among those of its postal code, else of its département (page by page).
 */
async function chercherCommune(code: string, codePostal?: string): Promise<Schemas['CommuneDto'] | null> {
  if (codePostal) {
    const { data, error } = await api.GET('/api/referentiels/communes', { params: { query: { codePostal, limit: 200 } } });
    if (error) throw error;
    const trouvee = data.items.find((c) => c.code === code);
    if (trouvee) return trouvee;
  }
  const departement = code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
  for (let page = 1; page <= 10; page++) {
    const { data, error } = await api.GET('/api/referentiels/communes', { params: { query: { departement, page, limit: 200 } } });
    if (error) throw error;
    const trouvee = data.items.find((c) => c.code === code);
    if (trouvee) return trouvee;
    if (page * 200 >= data.total) break;
  }
  return null;
}

export function useCommune(code: string | null | undefined, codePostal?: string | null): Schemas['CommuneDto'] | null | undefined {
  return useQuery({
    queryKey: ['referentiel', 'commune', code, codePostal],
    queryFn: () => chercherCommune(code as string, codePostal ?? undefined),
    enabled: Boolean(code),
    ...UNE_FOIS,
  }).data;
}
