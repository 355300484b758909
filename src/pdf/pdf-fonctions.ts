import type { Content, Margins, Node } from 'pdfmake/interfaces';

/*
 * pdfmake calls some parts of a definition while laying it out (running footers with the page number, the page-break
 * rule), but a function cannot cross to the worker thread that renders (PdfPool): only data can. So the functions of
 * our definitions are made here, by name and arguments: `fonctionPdf(nom, …arguments)` answers the function itself
 * (the builders stay pure and their specs call it), marked with that recipe; `empaqueter` swaps each marked function
 * for its recipe, and the worker makes the same function again with `deballer`.
 */

const FABRIQUES = {
  /** A section title (headlineLevel 1) in the last tenth of a page moves to the next one, so that it stays with its content. */
  titreAvecSaSuite: () => (node: Node) => node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.9,
  /** A running footer: `gauche` on the left, `droite` on the right. */
  piedDePage:
    (marge: Margins, gauche: string, droite: string) =>
    (): Content => ({ margin: marge, style: 'entete', columns: [{ text: gauche }, { text: droite, alignment: 'right' }] }),
  /** A running footer: `gauche` on the left, « Page 2 / 3 » on the right. */
  piedDePagePagine:
    (marge: Margins, gauche: string) =>
    (page: number, pages: number): Content => ({ margin: marge, style: 'entete', columns: [{ text: gauche }, { text: `Page ${page} / ${pages}`, alignment: 'right' }] }),
};

type Fabriques = typeof FABRIQUES;
export type NomFonction = keyof Fabriques;

interface Recette {
  nom: NomFonction;
  arguments: unknown[];
}

/** Where a function was in the definition, and how to make it again. */
export interface FonctionPlacee extends Recette {
  chemin: (string | number)[];
}

/** A pdfmake definition with its functions taken out: structured-cloneable, so it can go to a worker. */
export interface DefinitionEmpaquetee {
  definition: unknown;
  fonctions: FonctionPlacee[];
}

const RECETTE = Symbol('recette');

/** The function `nom` made with these arguments (plain data), marked so that it can be made again on a worker. */
export function fonctionPdf<N extends NomFonction>(nom: N, ...args: Parameters<Fabriques[N]>): ReturnType<Fabriques[N]> {
  const fabrique = FABRIQUES[nom] as (...a: unknown[]) => ReturnType<Fabriques[N]>;
  const fonction = fabrique(...args);
  Object.defineProperty(fonction, RECETTE, { value: { nom, arguments: args } satisfies Recette });
  return fonction;
}

/**
 * A copy of `definition` without its functions, and where they were. A function not made by fonctionPdf cannot be
 * rendered on a worker: that is a programming error, said with the path of the offending key.
 */
export function empaqueter(definition: object): DefinitionEmpaquetee {
  const fonctions: FonctionPlacee[] = [];
  const copier = (valeur: unknown, chemin: (string | number)[]): unknown => {
    if (typeof valeur === 'function') {
      const recette = (valeur as { [RECETTE]?: Recette })[RECETTE];
      if (!recette) throw new TypeError(`Définition pdfmake : la fonction « ${chemin.join('.')} » ne vient pas de fonctionPdf() et ne peut pas être rendue sur un worker`);
      fonctions.push({ chemin, ...recette });
      return null;
    }
    if (Array.isArray(valeur)) return valeur.map((v, i) => copier(v, [...chemin, i]));
    if (valeur !== null && typeof valeur === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(valeur))) {
      return Object.fromEntries(Object.entries(valeur).map(([k, v]) => [k, copier(v, [...chemin, k])]));
    }
    // Strings, numbers, dates, bytes (an image): structured clone carries them as they are.
    return valeur;
  };
  return { definition: copier(definition, []), fonctions };
}

/** The definition again, its functions made anew from their recipes (on the worker). */
export function deballer<T>({ definition, fonctions }: DefinitionEmpaquetee): T {
  for (const { chemin, nom, arguments: args } of fonctions) {
    const fonction = (FABRIQUES[nom] as (...a: unknown[]) => unknown)(...args);
    if (chemin.length === 0) throw new TypeError('Définition pdfmake : une définition ne peut pas être une fonction');
    let parent = definition as Record<string | number, unknown>;
    for (const cle of chemin.slice(0, -1)) parent = parent[cle] as Record<string | number, unknown>;
    parent[chemin[chemin.length - 1]] = fonction;
  }
  return definition as T;
}
