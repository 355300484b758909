import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { STYLE_DE_BASE, STYLE_ENTETE, date, dateHeure, dateLongue, lignes, texte } from './pdf-commun';
import { fonctionPdf } from './pdf-fonctions';

export interface LettreData {
  /** "Université …" or the app name */
  etablissement: string;
  campagne: string; // campaign label
  editeLe: Date; // the letter's date: "Orléans, le 26 novembre 2026" (Europe/Paris)
  numeroDossier: string;
  candidat: { civilite: string; nom: string; prenom: string; adresse: string[] }; // civilite "M." / "Mme"; adresse already formatted lines
  formation: string; // "CODE — libellé"
  /** The sender: its address lines (first line the service), and who signs (null: « Le président du jury ») */
  commission: { libelle: string; adresse: string[]; signataire: string | null };
  dateJury: string | null; // YYYY-MM-DD
  dateValidation: string; // YYYY-MM-DD, date of the decision
  dateConfirmation: string | null; // YYYY-MM-DD
  commentaire: string | null; // shown only when the commission made it visible
  /** Where the letter is written from; by default the city of the commission's address (its last "CP Ville" line) */
  lieu?: string | null;
}

export type TypeLettre = 'admission' | 'refus';

const SIGNATAIRE = 'Le président du jury';

/** The admission letter (avis favorable validated), as a pdfmake definition: pure, every value through `texte()`. */
export function buildLettreAdmission(data: LettreData): TDocumentDefinitions {
  const confirmation = data.dateConfirmation
    ? `Vous devez confirmer votre candidature avant le ${dateLongue(data.dateConfirmation)} inclus, depuis votre espace candidat ; à défaut, votre candidature sera considérée comme un désistement.`
    : 'Vous devez confirmer votre candidature depuis votre espace candidat pour que votre admission soit définitive.';
  return lettre('admission', data, [
    paragraphe(avis(data, 'un avis favorable')),
    paragraphe(confirmation),
    ...commentaire(data),
    paragraphe(`Nous vous adressons nos félicitations et vous prions d'agréer, ${appel(data)}, l'expression de nos salutations distinguées.`),
  ]);
}

/** The refusal letter (avis défavorable validated), with its motif when there is one. */
export function buildLettreRefus(data: LettreData & { motif: string | null }): TDocumentDefinitions {
  const motif = texte(data.motif).trim();
  return lettre('refus', data, [
    paragraphe(avis(data, 'un avis défavorable')),
    ...(motif ? [paragraphe(`Motif : ${motif}`)] : []),
    ...commentaire(data),
    paragraphe(`Nous regrettons de ne pouvoir donner une suite favorable à votre demande et vous prions d'agréer, ${appel(data)}, l'expression de nos salutations distinguées.`),
  ]);
}

/**
 * The letter's file name as the reference system names it, `lettre_admission-<numDossier_NOM_Prenom>-<codForm>.pdf`,
 * in ASCII letters, digits, `-` and `_` only, so that it survives any mail client, archive tool or file system.
 */
export function nomLettre(type: TypeLettre, numeroDossier: string, nom: string, prenom: string, codeFormation: string): string {
  const dossier = [ascii(numeroDossier), ascii(nom).toUpperCase(), ascii(prenom)].filter((p) => p !== '').join('_');
  return `lettre_${type}-${dossier}-${ascii(codeFormation)}.pdf`;
}

function lettre(type: TypeLettre, data: LettreData, corps: Content[]): TDocumentDefinitions {
  const { candidat, commission } = data;
  const titre = type === 'admission' ? "Lettre d'admission" : 'Lettre de refus';
  const lieu = texte(data.lieu).trim() || ville(commission.adresse);
  const leJour = `le ${dateLongue(data.editeLe)}`;
  return {
    pageSize: 'A4',
    pageMargins: [60, 50, 60, 60],
    language: 'fr-FR',
    info: {
      title: `${titre} ${texte(data.numeroDossier)}`,
      author: texte(data.etablissement),
      subject: texte(data.formation),
    },
    defaultStyle: { ...STYLE_DE_BASE, fontSize: 10.5 },
    styles: {
      entete: { ...STYLE_ENTETE },
      expediteur: { fontSize: 9.5 },
      objet: { bold: true, margin: [0, 0, 0, 4] },
      reference: { color: '#444444' },
      paragraphe: { margin: [0, 0, 0, 10], alignment: 'justify' },
    },
    footer: fonctionPdf('piedDePage', [60, 20, 60, 0], `${texte(data.etablissement)} — ${texte(data.campagne)}`, `Édité le ${dateHeure(data.editeLe)}`),
    content: [
      {
        columns: [
          {
            width: '50%',
            style: 'expediteur',
            stack: [
              { text: texte(data.etablissement), bold: true },
              { text: texte(commission.libelle) },
              lignes(commission.adresse),
            ],
          },
          {
            width: '50%',
            margin: [40, 60, 0, 0],
            stack: [{ text: [candidat.civilite, candidat.prenom, candidat.nom].map(texte).filter((p) => p !== '').join(' ') }, lignes(candidat.adresse)],
          },
        ],
      },
      { text: lieu ? `${lieu}, ${leJour}` : majuscule(leJour), alignment: 'right', margin: [0, 30, 0, 24] },
      { text: `Objet : votre candidature à la formation ${texte(data.formation)}`, style: 'objet' },
      {
        style: 'reference',
        margin: [0, 0, 0, 20],
        stack: [
          { text: `N° de dossier : ${texte(data.numeroDossier)}` },
          { text: `Campagne : ${texte(data.campagne)}` },
          { text: `Décision du ${date(data.dateValidation)}` },
        ],
      },
      paragraphe(`${appel(data)},`),
      ...corps,
      {
        text: texte(commission.signataire).trim() || SIGNATAIRE,
        alignment: 'right',
        margin: [0, 30, 0, 0],
        unbreakable: true,
      },
    ],
  };
}

/** "La commission … a émis un avis … à votre candidature à la formation … [lors de sa réunion du …]." */
function avis(data: LettreData, libelle: string): string {
  const reunion = data.dateJury ? ` lors de sa réunion du ${dateLongue(data.dateJury)}` : '';
  return `La commission ${texte(data.commission.libelle)} a émis ${libelle} à votre candidature à la formation ${texte(data.formation)}${reunion}.`;
}

function commentaire(data: LettreData): Content[] {
  const valeur = texte(data.commentaire).trim();
  return valeur ? [paragraphe(`Commentaire de la commission : ${valeur}`)] : [];
}

/** "Madame", "Monsieur", or both when the civilité says neither. */
function appel({ candidat }: LettreData): string {
  const civilite = texte(candidat.civilite).trim().toLowerCase();
  if (civilite === 'mme' || civilite === 'madame') return 'Madame';
  if (civilite === 'm.' || civilite === 'm' || civilite === 'monsieur') return 'Monsieur';
  return 'Madame, Monsieur';
}

function paragraphe(text: string): Content {
  return { text, style: 'paragraphe' };
}

/** The city of the last "45071 ORLEANS CEDEX 2" line of an address, as "Orleans"; empty when there is none. */
function ville(adresse: readonly unknown[]): string {
  for (const ligne of [...adresse].reverse()) {
    const m = /^\s*\d{5}\s+(.+?)(?:\s+CEDEX(?:\s+\d+)?)?\s*$/i.exec(texte(ligne));
    if (m) return casse(m[1]);
  }
  return '';
}

const PARTICULES = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'en', 'sur', 'sous', 'lès', 'lez', 'aux', 'et']);

/** "SAINT-JEAN-DE-BRAYE" → "Saint-Jean-de-Braye": city names are often stored upper case. */
function casse(nom: string): string {
  return nom
    .toLowerCase()
    .split(/([\s-]+)/)
    .map((mot, i) => (i > 0 && PARTICULES.has(mot) ? mot : majuscule(mot)))
    .join('');
}

function majuscule(mot: string): string {
  return mot.charAt(0).toUpperCase() + mot.slice(1);
}

const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L' };

/** Accents dropped, ligatures spelled out, anything else outside [A-Za-z0-9-] turned into "-". */
function ascii(valeur: string): string {
  return texte(valeur)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[œŒæÆßøØđĐłŁ]/g, (c) => LIGATURES[c])
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}
