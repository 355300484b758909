import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { Langue, Traduit } from '../common/i18n/langue';
import { STYLE_DE_BASE, STYLE_ENTETE, date, dateHeure, dateLongue, lignes, texte } from './pdf-commun';
import { fonctionPdf } from './pdf-fonctions';

export interface LettreData {
  /** The language of the letter: the candidate's */
  langue: Langue;
  /** "Université …" or the app name */
  etablissement: string;
  campagne: string; // campaign label
  editeLe: Date; // the letter's date: "Orléans, le 26 novembre 2026" (Europe/Paris)
  numeroDossier: string;
  candidat: { civilite: string; nom: string; prenom: string; adresse: string[] }; // civilite "M." / "Mme"; adresse already formatted lines
  formation: string; // "CODE — libellé"
  /** The sender: its address lines (first line the service), and who signs (null: « Le président du jury ») */
  commission: { libelle: string; adresse: string[]; signataire: string | null };
  /** YYYY-MM-DD: the day the commission met and gave the avis, as staff typed it; null: the letter names no meeting */
  dateReunion: string | null;
  dateValidation: string; // YYYY-MM-DD, date of the decision
  dateConfirmation: string | null; // YYYY-MM-DD
  commentaire: string | null; // shown only when the commission made it visible
  /** The type de décision's label when the institution defined it (« Avis favorable sous réserve »); absent or null: the family says it all */
  decision?: string | null;
  /** Where the letter is written from; by default the city of the commission's address (its last "CP Ville" line) */
  lieu?: string | null;
  /** What the institution and the commission set for their letters (src/lettres); absent: the letter as shipped */
  mentions?: MentionsLettre;
}

/** The parts of a letter staff set, already in the letter's language; images as `data:` URLs (PNG or JPEG). */
export interface MentionsLettre {
  logo: string | null;
  /** The institution's address, under its name */
  adresseEtablissement: string[];
  /** Who signs: a null name is the shipped « Le président du jury » */
  signataire: { nom: string | null; titre: string | null; signature: string | null };
  /** Paragraphs after the decision, before the closing sentence: the type de diplôme's, then the commission's */
  textes: string[];
}

export type TypeLettre = 'admission' | 'refus';

/** How the letter calls the candidate: by civilité in French, by name in English. */
type Civilite = 'madame' | 'monsieur' | 'autre';

/** What a letter says, in one language; values arrive sanitised (`texte()`) and dates formatted. */
interface TextesLettre {
  /** pdfmake's document language */
  code: string;
  titre: Record<TypeLettre, string>;
  /** "Orleans, le 26 novembre 2026"; without a place, the date alone */
  lieuEtDate(lieu: string, jour: string): string;
  objet(formation: string): string;
  numero(numero: string): string;
  campagne(campagne: string): string;
  decisionDu(jour: string): string;
  /** The type de décision the institution defined */
  decision(libelle: string): string;
  /** The first line: "Madame,", "Dear Ms Lefèvre," */
  appel(civilite: Civilite, prenom: string, nom: string): string;
  /** The commission's avis on the candidature, at its meeting when one is given */
  avis(commission: string, type: TypeLettre, formation: string, reunion: string | null): string;
  confirmation(avant: string | null): string;
  motif(motif: string): string;
  commentaire(commentaire: string): string;
  /** The closing sentence */
  formule(type: TypeLettre, civilite: Civilite): string;
  signataire: string;
  editeLe(instant: string): string;
}

const APPEL_FR: Record<Civilite, string> = { madame: 'Madame', monsieur: 'Monsieur', autre: 'Madame, Monsieur' };

/** The letters in French and in English, side by side: the layout below is shared. */
const TEXTES: Traduit<TextesLettre> = {
  fr: {
    code: 'fr-FR',
    titre: { admission: "Lettre d'admission", refus: 'Lettre de refus' },
    lieuEtDate: (lieu, jour) => (lieu ? `${lieu}, le ${jour}` : `Le ${jour}`),
    objet: (formation) => `Objet : votre candidature à la formation ${formation}`,
    numero: (numero) => `N° de dossier : ${numero}`,
    campagne: (campagne) => `Campagne : ${campagne}`,
    decisionDu: (jour) => `Décision du ${jour}`,
    decision: (libelle) => `Décision : ${libelle}`,
    appel: (civilite) => `${APPEL_FR[civilite]},`,
    avis: (commission, type, formation, reunion) =>
      `La commission ${commission} a émis ${type === 'admission' ? 'un avis favorable' : 'un avis défavorable'} à votre candidature à la formation ${formation}${reunion ? ` lors de sa réunion du ${reunion}` : ''}.`,
    confirmation: (avant) =>
      avant
        ? `Vous devez confirmer votre candidature avant le ${avant} inclus, depuis votre espace candidat ; à défaut, votre candidature sera considérée comme un désistement.`
        : 'Vous devez confirmer votre candidature depuis votre espace candidat pour que votre admission soit définitive.',
    motif: (motif) => `Motif : ${motif}`,
    commentaire: (commentaire) => `Commentaire de la commission : ${commentaire}`,
    formule: (type, civilite) =>
      type === 'admission'
        ? `Nous vous adressons nos félicitations et vous prions d'agréer, ${APPEL_FR[civilite]}, l'expression de nos salutations distinguées.`
        : `Nous regrettons de ne pouvoir donner une suite favorable à votre demande et vous prions d'agréer, ${APPEL_FR[civilite]}, l'expression de nos salutations distinguées.`,
    signataire: 'Le président du jury',
    editeLe: (instant) => `Édité le ${instant}`,
  },
  en: {
    code: 'en-GB',
    titre: { admission: 'Admission letter', refus: 'Refusal letter' },
    lieuEtDate: (lieu, jour) => (lieu ? `${lieu}, ${jour}` : jour),
    objet: (formation) => `Subject: your application to the programme ${formation}`,
    numero: (numero) => `File number: ${numero}`,
    campagne: (campagne) => `Campaign: ${campagne}`,
    decisionDu: (jour) => `Decision of ${jour}`,
    decision: (libelle) => `Decision: ${libelle}`,
    appel: (civilite, prenom, nom) => `Dear ${[civilite === 'madame' ? 'Ms' : civilite === 'monsieur' ? 'Mr' : prenom, nom].filter((p) => p !== '').join(' ')},`,
    avis: (commission, type, formation, reunion) =>
      `${reunion ? `At its meeting of ${reunion}, the` : 'The'} admissions committee ${commission} gave ${type === 'admission' ? 'a favourable decision' : 'an unfavourable decision'} on your application to the programme ${formation}.`,
    confirmation: (avant) =>
      avant
        ? `You must confirm your application by ${avant} inclusive, from your applicant space; otherwise, you will be considered to have withdrawn.`
        : 'You must confirm your application from your applicant space for your admission to be final.',
    motif: (motif) => `Reason: ${motif}`,
    commentaire: (commentaire) => `Comment from the admissions committee: ${commentaire}`,
    formule: (type) =>
      type === 'admission' ? 'Please accept our congratulations. Yours sincerely,' : 'We regret that we are unable to offer you a place. Yours sincerely,',
    signataire: 'The chair of the admissions committee',
    editeLe: (instant) => `Issued on ${instant}`,
  },
};

/** The admission letter (avis favorable validated), as a pdfmake definition: pure, every value through `texte()`. */
export function buildLettreAdmission(data: LettreData): TDocumentDefinitions {
  const t = TEXTES[data.langue];
  return lettre('admission', data, [
    paragraphe(avis(data, 'admission')),
    paragraphe(t.confirmation(data.dateConfirmation ? dateLongue(data.dateConfirmation, data.langue) : null)),
    ...commentaire(data),
    ...textes(data),
    paragraphe(t.formule('admission', civilite(data))),
  ]);
}

/** The refusal letter (avis défavorable validated), with its motif when there is one. */
export function buildLettreRefus(data: LettreData & { motif: string | null }): TDocumentDefinitions {
  const t = TEXTES[data.langue];
  const motif = texte(data.motif).trim();
  return lettre('refus', data, [
    paragraphe(avis(data, 'refus')),
    ...(motif ? [paragraphe(t.motif(motif))] : []),
    ...commentaire(data),
    ...textes(data),
    paragraphe(t.formule('refus', civilite(data))),
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
  const { candidat, commission, langue } = data;
  const t = TEXTES[langue];
  const lieu = texte(data.lieu).trim() || ville(commission.adresse);
  return {
    pageSize: 'A4',
    pageMargins: [60, 50, 60, 60],
    language: t.code,
    info: {
      title: `${t.titre[type]} ${texte(data.numeroDossier)}`,
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
    footer: fonctionPdf('piedDePage', [60, 20, 60, 0], `${texte(data.etablissement)} — ${texte(data.campagne)}`, t.editeLe(dateHeure(data.editeLe, langue))),
    content: [
      ...(data.mentions?.logo ? [{ image: data.mentions.logo, fit: [160, 60] as [number, number], margin: [0, 0, 0, 10] as [number, number, number, number] }] : []),
      {
        columns: [
          {
            width: '50%',
            style: 'expediteur',
            stack: [
              { text: texte(data.etablissement), bold: true },
              ...(data.mentions?.adresseEtablissement.length ? [{ ...lignes(data.mentions.adresseEtablissement), margin: [0, 0, 0, 6] as [number, number, number, number] }] : []),
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
      { text: t.lieuEtDate(lieu, dateLongue(data.editeLe, langue)), alignment: 'right', margin: [0, 30, 0, 24] },
      { text: t.objet(texte(data.formation)), style: 'objet' },
      {
        style: 'reference',
        margin: [0, 0, 0, 20],
        stack: [
          { text: t.numero(texte(data.numeroDossier)) },
          { text: t.campagne(texte(data.campagne)) },
          { text: t.decisionDu(date(data.dateValidation, langue)) },
          ...(texte(data.decision).trim() ? [{ text: t.decision(texte(data.decision).trim()), bold: true }] : []),
        ],
      },
      paragraphe(t.appel(civilite(data), texte(candidat.prenom).trim(), texte(candidat.nom).trim())),
      ...corps,
      signature(data),
    ],
  };
}

/** Who signs, right-aligned: their signature image above their name and title when staff gave them; else as shipped. */
function signature({ mentions, commission, langue }: LettreData): Content {
  const s = mentions?.signataire;
  const nom = texte(s ? s.nom : commission.signataire).trim() || TEXTES[langue].signataire;
  const titre = texte(s?.titre).trim();
  return {
    alignment: 'right',
    margin: [0, 30, 0, 0],
    unbreakable: true,
    stack: [...(s?.signature ? [{ image: s.signature, fit: [150, 60] as [number, number], alignment: 'right' as const }] : []), { text: nom }, ...(titre ? [{ text: titre }] : [])],
  };
}

/** The paragraphs staff wrote for this type de diplôme and this commission. */
function textes({ mentions }: LettreData): Content[] {
  return (mentions?.textes ?? []).map((t) => texte(t).trim()).filter((t) => t !== '').map(paragraphe);
}

/** "La commission … a émis un avis … à votre candidature à la formation … [lors de sa réunion du …]." */
function avis(data: LettreData, type: TypeLettre): string {
  const reunion = data.dateReunion ? dateLongue(data.dateReunion, data.langue) : null;
  return TEXTES[data.langue].avis(texte(data.commission.libelle), type, texte(data.formation), reunion);
}

function commentaire(data: LettreData): Content[] {
  const valeur = texte(data.commentaire).trim();
  return valeur ? [paragraphe(TEXTES[data.langue].commentaire(valeur))] : [];
}

/** Madame, Monsieur, or neither when the civilité says neither. */
function civilite({ candidat }: LettreData): Civilite {
  const valeur = texte(candidat.civilite).trim().toLowerCase();
  if (valeur === 'mme' || valeur === 'madame') return 'madame';
  if (valeur === 'm.' || valeur === 'm' || valeur === 'monsieur') return 'monsieur';
  return 'autre';
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
