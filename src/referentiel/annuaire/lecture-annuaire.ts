import { normalizeForSearch } from '../../common/text/normalize';

/**
 * Records of a CSV file read as a stream: `;` separated by default (the open-data exports of data.education.gouv.fr
 * and data.enseignementsup-recherche.gouv.fr), UTF-8 with or without a BOM, fields quoted with `"` (a quoted field
 * may hold the separator, `""` and line breaks), lines ended by LF or CRLF. One record at a time: the national file
 * (~65,000 lines) is never held in memory.
 */
export async function* lireCsv(chunks: AsyncIterable<string | Buffer>, separateur = ';'): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8');
  let field = '';
  let record: string[] = [];
  let quoted = false;
  // After a closing quote: a second quote is an escaped one, anything else ends the quoted part.
  let quoteSeen = false;
  let started = false;
  let first = true;
  const push = function* (text: string): Generator<string[]> {
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (quoteSeen) {
          quoteSeen = false;
          if (c === '"') {
            field += '"';
            continue;
          }
          quoted = false;
        } else if (c === '"') {
          quoteSeen = true;
          continue;
        } else {
          field += c;
          continue;
        }
      }
      if (c === '"' && field === '') {
        quoted = true;
        started = true;
      } else if (c === separateur) {
        record.push(field);
        field = '';
        started = true;
      } else if (c === '\n') {
        if (started || field !== '' || record.length > 0) {
          record.push(field.endsWith('\r') ? field.slice(0, -1) : field);
          yield record;
        }
        record = [];
        field = '';
        started = false;
      } else {
        field += c;
        started = true;
      }
    }
  };
  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    yield* push(text);
  }
  yield* push(decoder.decode());
  if (quoted && quoteSeen) quoted = false;
  if (started || field !== '' || record.length > 0) {
    record.push(field.endsWith('\r') ? field.slice(0, -1) : field);
    yield record;
  }
}

/** A column name folded for matching: « Type d'établissement », `type_d_etablissement` and `TYPE_ETABLISSEMENT`… */
export function cleColonne(nom: string): string {
  return normalizeForSearch(nom).replace(/ /g, '_');
}

/** What the import reads of a line, whichever directory it comes from. */
export interface LigneAnnuaire {
  /** UAI as written in the file (checked by the import) */
  uai: string;
  libelle: string;
  /** The file's own type: « Lycée », « Collège », « Université », « École d'ingénieurs »… */
  type: string;
  /** « Public », « Privé » (or empty) */
  statut: string;
  /** Code INSEE of the commune */
  commune: string;
  /** « OUVERT », « A FERMER »… (the Annuaire de l'éducation only; empty elsewhere) */
  etat: string;
}

/** Which directory a file is, told by its header. */
export enum SourceAnnuaire {
  /** Annuaire de l'éducation (fr-en-annuaire-education): écoles, collèges, lycées… */
  EDUCATION = 'EDUCATION',
  /** Principaux établissements d'enseignement supérieur (fr-esr-principaux-etablissements-enseignement-superieur) */
  SUPERIEUR = 'SUPERIEUR',
}

/** For each field, the column names that hold it (folded by cleColonne), in order of preference. */
const COLONNES: Record<keyof LigneAnnuaire, string[]> = {
  uai: ['IDENTIFIANT_DE_L_ETABLISSEMENT', 'UAI', 'NUMERO_UAI', 'NUMERO_D_UAI'],
  libelle: ['NOM_ETABLISSEMENT', 'UO_LIB', 'APPELLATION_OFFICIELLE', 'NOM'],
  type: ['TYPE_ETABLISSEMENT', 'TYPE_D_ETABLISSEMENT'],
  statut: ['STATUT_PUBLIC_PRIVE', 'SECTEUR_D_ETABLISSEMENT', 'SECTEUR'],
  commune: ['CODE_COMMUNE', 'COM_CODE', 'CODE_INSEE_DE_LA_COMMUNE'],
  etat: ['ETAT'],
};
const OBLIGATOIRES: (keyof LigneAnnuaire)[] = ['uai', 'libelle', 'commune'];

export class EnTeteInvalide extends Error {}

/**
 * The lines of a directory file, its columns found BY NAME in the header (any order, any other columns ignored).
 * Throws EnTeteInvalide when a column it needs is missing, naming it.
 */
export async function* lireAnnuaire(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<{ source: SourceAnnuaire; ligne: LigneAnnuaire }> {
  let positions: Record<keyof LigneAnnuaire, number> | undefined;
  let source = SourceAnnuaire.EDUCATION;
  for await (const record of lireCsv(chunks)) {
    if (!positions) {
      const cles = record.map(cleColonne);
      positions = Object.fromEntries(
        (Object.keys(COLONNES) as (keyof LigneAnnuaire)[]).map((champ) => [champ, firstIndex(cles, COLONNES[champ])]),
      ) as Record<keyof LigneAnnuaire, number>;
      const manquantes = OBLIGATOIRES.filter((champ) => positions?.[champ] === -1);
      if (manquantes.length > 0) {
        throw new EnTeteInvalide(
          `En-tête non reconnu : colonne(s) ${manquantes.map((c) => COLONNES[c][0]).join(', ')} introuvable(s) (séparateur attendu : « ; »).`,
        );
      }
      // The higher-education directory names its établissements in uo_lib; the Annuaire de l'éducation never does.
      if (cles.includes('UO_LIB')) source = SourceAnnuaire.SUPERIEUR;
      continue;
    }
    if (record.length === 1 && record[0].trim() === '') continue;
    const p = positions;
    const lire = (champ: keyof LigneAnnuaire) => (p[champ] >= 0 ? (record[p[champ]] ?? '').trim() : '');
    yield {
      source,
      ligne: { uai: lire('uai'), libelle: lire('libelle'), type: lire('type'), statut: lire('statut'), commune: lire('commune'), etat: lire('etat') },
    };
  }
}

function firstIndex(cles: string[], noms: string[]): number {
  for (const nom of noms) {
    const i = cles.indexOf(nom);
    if (i >= 0) return i;
  }
  return -1;
}
