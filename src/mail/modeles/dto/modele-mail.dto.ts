import { Langue } from '../../../common/i18n/langue';
import { OptionalText, RequiredText } from '../../../common/validation/decorators';

export enum TypeVariable {
  /** A value written as is: `{{nom}}` */
  TEXTE = 'texte',
  /** Tested by `{{#if x}}…{{/if}}` */
  CONDITION = 'condition',
  /** Walked by `{{#each x}}…{{/each}}`, each element with its fields */
  LISTE = 'liste',
}

export class ElementVariableDto {
  /** @example "libelle" */
  nom: string;
  /** @example "Libellé de la pièce" */
  description: string;
}

export class VariableModeleDto {
  /** @example "nom" */
  nom: string;
  /** @example "Nom du candidat" */
  description: string;
  type: TypeVariable;
  /** The sample value of the preview and the test mail (for a text) @example "Martin" */
  exemple: string | null;
  /** The fields of each element (for a list) */
  elements: ElementVariableDto[] | null;
}

export class ModeleMailResumeDto {
  /** @example "CPT_MIN_CREATE" */
  code: string;
  /** @example "Compte candidat créé : lien d'activation" */
  description: string;
  variables: VariableModeleDto[];
  /** The languages whose text staff changed (the others send the shipped text) @example ["fr"] */
  modifie: Langue[];
}

export class TexteModeleDto {
  /** @example "Création de votre compte candidat" */
  sujet: string;
  /** Paragraphs separated by a blank line @example "Bonjour {{prenom}} {{nom}},\n\n{{lien lien \"Activer mon compte\"}}" */
  corps: string;
}

export class ModeleMailDto extends ModeleMailResumeDto {
  langue: Langue;
  /** The text mails are written with now: the one saved, or the shipped one */
  sujet: string;
  corps: string;
  /** Whether a saved text replaces the shipped one @example true */
  enregistre: boolean;
  /** Who saved it (login) @example "admin" */
  updatedBy: string | null;
  /** @example "2026-11-22T18:00:00.000Z" */
  updatedAt: string | null;
  /** The shipped text, which a reset brings back */
  defaut: TexteModeleDto;
}

/** A new text for one mail code and language; its variables must be the code's. At most 10,000 characters: a mail, not a file. */
export class UpdateModeleMailDto {
  /** @example "Bienvenue {{prenom}} : votre compte candidat" */
  @RequiredText(300)
  sujet: string;

  /** @example "Bonjour {{prenom}} {{nom}},\n\nVotre numéro de dossier est {{numeroDossier}}.\n\n{{lien lien \"Activer mon compte\"}}" */
  @RequiredText(10000, { multiline: true })
  corps: string;
}

/** A text to preview before saving it; without one, the text mails are written with now. */
export class PreviewModeleMailDto {
  /** @example "Bienvenue {{prenom}} : votre compte candidat" */
  @OptionalText(300)
  sujet?: string;

  /** @example "Bonjour {{prenom}} {{nom}},\n\n{{lien lien \"Activer mon compte\"}}" */
  @OptionalText(10000, { multiline: true })
  corps?: string;
}

export class ApercuModeleMailDto {
  /** @example "Bienvenue Camille : votre compte candidat" */
  sujet: string;
  /** The plain text part @example "Bonjour Camille Martin,\n\nActiver mon compte : https://candidatures.univ.fr/comptes/activation?token=exemple\n" */
  texte: string;
  /** The HTML part @example "<!doctype html><html lang=\"fr\"><body>\n<p>Bonjour Camille Martin,</p>\n</body></html>\n" */
  html: string;
}

export class EnvoiTestModeleMailDto {
  /** The caller's own address, the only one a test mail goes to @example "admin@univ.fr" */
  destinataire: string;
  /** @example "Création de votre compte candidat" */
  sujet: string;
}
