import Handlebars from 'handlebars';
import { Langue } from '../../common/i18n/langue';
import { RenderedMail, escapeHtml, pageHtml } from '../templates/mail-template';

/**
 * The engine of editable mail templates: Handlebars (see README, « Modèles de mail »). A template is plain text, not
 * HTML: paragraphs separated by a blank line, `{{variable}}`, `{{#if x}}…{{else}}…{{/if}}`, `{{#unless x}}`,
 * `{{#each liste}}…{{/each}}` and `{{lien variable "Libellé"}}` (an anchor in HTML, « Libellé : adresse » in text).
 * Both parts come from the same source: the text part with the values as typed, the HTML part with every value and
 * every word of the template escaped, so neither a candidate's name nor a staff edit can put markup in a mail.
 */

/** A variable a mail code offers its templates, with a sample value for the preview and the test mail. */
export interface VariableModele {
  description: string;
  exemple: string | boolean | number | Record<string, string | boolean | null>[];
  /** For a list (`{{#each}}`): the fields of each element */
  elements?: Record<string, string>;
}

export type Variables = Record<string, unknown>;

/** Subject and body of one language, in the engine's syntax. */
export interface SourceModele {
  sujet: string;
  corps: string;
}

/** What a template used that its mail code does not offer: the field (`sujet` or `corps`) and a French sentence. */
export interface ErreurModele {
  champ: 'sujet' | 'corps';
  message: string;
}

const BLOCS = new Set(['if', 'unless', 'each']);
const DONNEES_DE_BOUCLE = new Set(['index', 'first', 'last']);
const OPTIONS = { knownHelpers: { lien: true, if: true, unless: true, each: true }, knownHelpersOnly: true, noEscape: true } as const;

/** Checks a template against the variables of its mail code: it parses, and uses only those and the engine's few blocks. */
export function verifierModele(source: SourceModele, variables: Record<string, VariableModele>): ErreurModele[] {
  const erreurs: ErreurModele[] = [];
  for (const champ of ['sujet', 'corps'] as const) {
    let programme: hbs.AST.Program;
    try {
      programme = Handlebars.parse(source[champ]);
    } catch (error) {
      const raison = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 300);
      erreurs.push({ champ, message: `n'est pas un modèle valide : ${raison}` });
      continue;
    }
    const portees: Portee[] = [{ noms: new Set(Object.keys(variables)), listes: variables }];
    new Verificateur(champ, portees, erreurs).programme(programme);
  }
  return erreurs;
}

/** The names a template may read at one level: the mail's variables, or inside `{{#each}}` the element's fields. */
interface Portee {
  noms: Set<string>;
  listes: Record<string, VariableModele>;
  boucle?: boolean;
}

class Verificateur {
  constructor(
    private readonly champ: 'sujet' | 'corps',
    private readonly portees: Portee[],
    private readonly erreurs: ErreurModele[],
  ) {}

  programme(p: hbs.AST.Program | undefined): void {
    for (const s of p?.body ?? []) this.instruction(s);
  }

  private refuser(message: string): void {
    if (!this.erreurs.some((e) => e.champ === this.champ && e.message === message)) this.erreurs.push({ champ: this.champ, message });
  }

  private instruction(s: hbs.AST.Statement): void {
    switch (s.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement': {
        const m = s as hbs.AST.MustacheStatement;
        const nom = m.path.type === 'PathExpression' ? (m.path as hbs.AST.PathExpression).original : '';
        if (nom === 'lien') return this.lien(m);
        if (m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0) return this.refuser(`utilise « ${nom} », qui n'est pas une fonction des modèles (seules if, unless, each et lien le sont)`);
        return this.variable(m.path);
      }
      case 'BlockStatement': {
        const b = s as hbs.AST.BlockStatement;
        const nom = b.path.type === 'PathExpression' ? (b.path as hbs.AST.PathExpression).original : '';
        if (!BLOCS.has(nom) || b.params.length !== 1 || (b.hash?.pairs.length ?? 0) > 0) {
          return this.refuser(`utilise le bloc « ${nom} », inconnu des modèles (seuls #if, #unless et #each le sont, avec une variable)`);
        }
        const parametre = b.params[0];
        this.variable(parametre);
        if (nom === 'each') {
          const liste = parametre.type === 'PathExpression' ? this.trouver(parametre as hbs.AST.PathExpression) : undefined;
          if (liste && !liste.elements) this.refuser(`parcourt « ${(parametre as hbs.AST.PathExpression).original} », qui n'est pas une liste`);
          this.portees.push({ noms: new Set(Object.keys(liste?.elements ?? {})), listes: {}, boucle: true });
          this.programme(b.program);
          this.portees.pop();
        } else {
          this.programme(b.program);
        }
        return this.programme(b.inverse);
      }
      default:
        return this.refuser('utilise une inclusion ou un décorateur, que les modèles ne permettent pas');
    }
  }

  /** `{{lien variable "Libellé"}}` */
  private lien(m: hbs.AST.MustacheStatement): void {
    const [adresse, libelle] = m.params;
    if (m.params.length !== 2 || adresse.type !== 'PathExpression' || libelle.type !== 'StringLiteral' || (m.hash?.pairs.length ?? 0) > 0) {
      return this.refuser('écrit un lien autrement que {{lien variable "Libellé"}}');
    }
    this.variable(adresse);
  }

  private variable(e: hbs.AST.Expression): void {
    if (e.type !== 'PathExpression') return this.refuser('compare ou calcule une valeur, ce que les modèles ne permettent pas : utilisez une variable');
    const p = e as hbs.AST.PathExpression;
    if (p.data) {
      if (!(this.portees.at(-1)?.boucle && p.parts.length === 1 && DONNEES_DE_BOUCLE.has(p.parts[0]))) this.refuser(`utilise la variable inconnue « ${p.original} »`);
      return;
    }
    if (!this.trouver(p)) this.refuser(`utilise la variable inconnue « ${p.original} »`);
  }

  /** The declaration of a plain name in its scope (`../x`: one level up); none for a dotted path. */
  private trouver(p: hbs.AST.PathExpression): VariableModele | undefined {
    const portee = this.portees[this.portees.length - 1 - p.depth];
    if (!portee || p.parts.length !== 1) return undefined;
    const [nom] = p.parts;
    if (!portee.noms.has(nom)) return undefined;
    return portee.listes[nom] ?? { description: nom, exemple: '' };
  }
}

/** Compiled sources, by mode and text: a source edited is a new text, so nothing stale is ever reused. */
const COMPILES = new Map<string, HandlebarsTemplateDelegate>();
const MAX_COMPILES = 500;

const texte = Handlebars.create();
texte.registerHelper('lien', (adresse: unknown, libelle: unknown, options: Handlebars.HelperOptions) => {
  const deuxPoints = (options.data as { langue?: Langue }).langue === Langue.FR ? ' : ' : ': ';
  return `${String(libelle)}${deuxPoints}${String(adresse ?? '')}`;
});
// In the HTML mode every value arrives escaped already (see echapper); the label is the template's own words.
const html = Handlebars.create();
html.registerHelper('lien', (adresse: unknown, libelle: unknown) => `<a href="${String(adresse ?? '')}">${escapeHtml(String(libelle))}</a>`);

function compiler(mode: 'texte' | 'html', source: string): HandlebarsTemplateDelegate {
  const cle = `${mode}\u0000${source}`;
  let compile = COMPILES.get(cle);
  if (!compile) {
    const programme = Handlebars.parse(source);
    if (mode === 'html') echapperContenu(programme);
    compile = (mode === 'html' ? html : texte).compile(programme, OPTIONS);
    if (COMPILES.size >= MAX_COMPILES) COMPILES.clear();
    COMPILES.set(cle, compile);
  }
  return compile;
}

/** The template's own words, escaped in place, for the HTML part. */
function echapperContenu(noeud: unknown): void {
  if (!noeud || typeof noeud !== 'object') return;
  const n = noeud as { type?: string; value?: unknown; original?: unknown };
  if (n.type === 'ContentStatement' && typeof n.value === 'string') {
    n.value = escapeHtml(n.value);
    return;
  }
  for (const [cle, valeur] of Object.entries(noeud)) {
    if (cle === 'loc') continue;
    if (Array.isArray(valeur)) valeur.forEach(echapperContenu);
    else echapperContenu(valeur);
  }
}

/** Every string of the values, escaped, lists and their elements included. */
function echapper(valeur: unknown): unknown {
  if (typeof valeur === 'string') return escapeHtml(valeur);
  if (Array.isArray(valeur)) return valeur.map(echapper);
  if (valeur && typeof valeur === 'object' && !(valeur instanceof Date)) return Object.fromEntries(Object.entries(valeur).map(([k, v]) => [k, echapper(v)]));
  return valeur;
}

/** Paragraphs: separated by a blank line, trimmed, empty ones (a condition that wrote nothing) dropped. */
function paragraphes(rendu: string): string[] {
  return rendu
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Renders a template with its values, in a language: the subject on one line, the text and HTML parts. */
export function rendreModele(source: SourceModele, variables: Variables, langue: Langue): RenderedMail {
  const options = { data: { langue } };
  // One line, within the outbox's column whatever the values' length.
  const subject = compiler('texte', source.sujet)(variables, options).replace(/\s+/g, ' ').trim().slice(0, 500);
  const texteRendu = paragraphes(compiler('texte', source.corps)(variables, options));
  const htmlRendu = paragraphes(compiler('html', source.corps)(echapper(variables), options));
  return { subject, text: `${texteRendu.join('\n\n')}\n`, html: pageHtml(htmlRendu.map((p) => p.replace(/\n/g, '<br>\n')), langue) };
}
