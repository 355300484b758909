import { DATES, FormatsDates } from '../../common/i18n/dates';
import { Langue, Traduit } from '../../common/i18n/langue';
import { Modele, RenderedMail } from '../templates/mail-template';
import { SourceModele, VariableModele, Variables, rendreModele } from './moteur';

/**
 * One mail code whose texts staff may change: the variables it offers (name, description, sample value), how its
 * data becomes those values in a language, and the shipped texts in the engine's syntax, French and English.
 */
export interface DefinitionModele<D = unknown> {
  code: string;
  /** What the mail is, for the staff screen */
  description: string;
  variables: Record<string, VariableModele>;
  valeurs: (d: D, dates: FormatsDates) => Variables;
  textes: Traduit<SourceModele>;
}

export interface ModeleEditable<D> extends Modele<D> {
  readonly definition: DefinitionModele;
}

/**
 * Declares an editable template. Called like any template (`compteCree({ ...donnees, langue })`), it renders the
 * shipped text and says where it came from (`origine`), so the outbox renders the text saved in the database
 * instead, when staff changed it (src/mail/modeles/surcharge.ts).
 */
export function modeleEditable<D>(definition: DefinitionModele<D>): ModeleEditable<D> {
  const rendre = (d: D & { langue: Langue }): RenderedMail => {
    const variables = definition.valeurs(d, DATES[d.langue]);
    return { ...rendreModele(definition.textes[d.langue], variables, d.langue), origine: { code: definition.code, langue: d.langue, variables } };
  };
  return Object.assign(rendre, { textes: definition.textes, definition: definition as DefinitionModele });
}

export function estEditable(valeur: unknown): valeur is ModeleEditable<unknown> {
  return typeof valeur === 'function' && 'definition' in valeur;
}

/** The variables most mails share, declared once. */
export const VARIABLES = {
  prenom: { description: 'Prénom du candidat', exemple: 'Camille' },
  nom: { description: 'Nom du candidat', exemple: 'Martin' },
  numeroDossier: { description: 'Numéro de dossier (identifiant du candidat)', exemple: '0WBZPM9X' },
  formation: { description: 'Libellé de la formation', exemple: 'Master Biologie' },
  lienCandidature: { description: 'Adresse de la page de suivi des candidatures', exemple: 'https://candidatures.univ.fr/candidatures/0WBZPM9X' },
} satisfies Record<string, VariableModele>;
