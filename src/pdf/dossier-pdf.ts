import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { BilanAnnexes, phraseNonJointe } from './annexes';
import { STYLE_DE_BASE, STYLE_ENTETE, date, dateHeure, lignes, texte } from './pdf-commun';
import { fonctionPdf } from './pdf-fonctions';

export interface DossierPdfData {
  /** "Université …" or the app name; printed in the header */
  etablissement: string;
  campagne: string; // campaign label
  editeLe: Date; // printed as "Édité le 26/11/2026 à 14:05" (Europe/Paris)
  numeroDossier: string;
  email: string;
  identite: null | {
    civilite: string; // "M." / "Mme"
    nomNaissance: string;
    nomUsage: string | null;
    prenom: string;
    autresPrenoms: string | null;
    dateNaissance: string; // YYYY-MM-DD, printed DD/MM/YYYY
    lieuNaissance: string; // already formatted: "Orléans (45), France"
    nationalite: string; // label
    ine: string | null;
    telephone: string | null;
    telephonePortable: string | null;
  };
  adresse: null | { lignes: string[] }; // already formatted lines, e.g. ["12 rue X", "45000 ORLEANS", "France"]
  bac: null | {
    annee: number | null;
    serie: string;
    mention: string | null;
    etablissement: string | null;
    lieu: string | null;
    specialites: string[];
  };
  cursusExterne: {
    annee: number;
    libelle: string;
    etablissement: string | null;
    lieu: string | null;
    resultat: string;
    mention: string | null;
  }[];
  stages: { annee: number; employeur: string; duree: string; description: string | null }[];
  experiencesPro: { annee: number; intitule: string; employeur: string; duree: string; description: string | null }[];
  candidature: {
    formation: string; // "M1-GEO2ENV — M1 SCIENCES DE LA TERRE …"
    commission: string; // commission label
    adresseCommission: string[]; // the whole address, its first line the commission: "OSUC - SCOLARITE", "Martine BODUSSEAU", …
    demat: boolean;
    statutDossier: string; // label, e.g. "En attente"
    typeTraitement: string; // label
    dateRetour: string; // YYYY-MM-DD, printed DD/MM/YYYY
    dateDepot: string; // instant ISO or YYYY-MM-DD: when the candidature was made
    informationsComplementaires: string | null;
  };
  pieces: {
    libelle: string;
    statut: string;
    conditionnel: boolean;
    fichier: string | null;
    commentaire: string | null;
  }[];
  /** The uploaded files joined after the summary (PdfAssembleur), and those that could not be; absent: none joined */
  annexes?: BilanAnnexes;
}

const VIDE = '—';
const AUCUN = 'Aucun';

/**
 * The "Télécharger mon dossier" PDF as a pdfmake definition. Every value the candidate or a gestionnaire typed goes
 * through `texte()` (pdf-commun), so pdfmake only ever receives strings in `text` and never mistakes data for a
 * layout node.
 */
export function buildDossierPdf(data: DossierPdfData): TDocumentDefinitions {
  const { candidature } = data;
  const editeLe = `Édité le ${dateHeure(data.editeLe)}`;
  return {
    pageSize: 'A4',
    pageMargins: [40, 60, 40, 50],
    language: 'fr-FR',
    info: {
      title: `Dossier de candidature ${texte(data.numeroDossier)}`,
      author: texte(data.etablissement),
      subject: texte(candidature.formation),
    },
    defaultStyle: { ...STYLE_DE_BASE },
    styles: {
      entete: { ...STYLE_ENTETE },
      titre: { fontSize: 18, bold: true, margin: [0, 0, 0, 6] },
      sousTitre: { fontSize: 11, bold: true },
      section: { fontSize: 12, bold: true, color: '#1f3b63', margin: [0, 14, 0, 6] },
      sousSection: { bold: true, margin: [0, 8, 0, 4] },
      libelle: { color: '#555555' },
      enTeteTableau: { bold: true, fillColor: '#eeeeee' },
      vide: { italics: true, color: '#555555' },
    },
    header: {
      margin: [40, 22, 40, 0],
      style: 'entete',
      columns: [
        { text: texte(data.etablissement), bold: true },
        { text: texte(data.campagne), alignment: 'right' },
      ],
    },
    // A section title in the last tenth of a page moves to the next one, so that it stays with its content. (The
    // nodes that follow it cannot tell: a table row pushed to the next page keeps its first-pass position.)
    pageBreakBefore: fonctionPdf('titreAvecSaSuite'),
    footer: fonctionPdf('piedDePagePagine', [40, 16, 40, 0], editeLe),
    content: [
      { text: 'Dossier de candidature', style: 'titre' },
      { text: `N° de dossier : ${texte(data.numeroDossier)}`, style: 'sousTitre' },
      { text: texte(candidature.formation), style: 'sousTitre', margin: [0, 2, 0, 0] },
      section('Informations personnelles'),
      informationsPersonnelles(data),
      section('Adresse'),
      data.adresse && data.adresse.lignes.length > 0 ? lignes(data.adresse.lignes) : vide('Non renseignée'),
      section('Baccalauréat ou équivalent'),
      baccalaureat(data.bac),
      section('Cursus post-bac (externe)'),
      tableau(
        ['Année', 'Formation', 'Établissement', 'Lieu', 'Résultat', 'Mention'],
        ['8%', '24%', '22%', '16%', '15%', '15%'],
        data.cursusExterne.map((c) => [c.annee, c.libelle, c.etablissement, c.lieu, c.resultat, c.mention]),
      ),
      section('Stages'),
      tableau(
        ['Année', 'Employeur', 'Durée', 'Description'],
        ['8%', '30%', '14%', '48%'],
        data.stages.map((s) => [s.annee, s.employeur, s.duree, s.description]),
      ),
      section('Expériences professionnelles'),
      tableau(
        ['Année', 'Intitulé', 'Employeur', 'Durée', 'Description'],
        ['8%', '22%', '22%', '14%', '34%'],
        data.experiencesPro.map((e) => [e.annee, e.intitule, e.employeur, e.duree, e.description]),
      ),
      section('Candidature'),
      champs([
        ['Formation', candidature.formation],
        ['Commission', candidature.commission],
        ['Adresse de contact', candidature.adresseCommission.map(texte).join('\n')],
        ['Date de candidature', date(candidature.dateDepot)],
        ['Statut du dossier', candidature.statutDossier],
        ['Type de traitement', candidature.typeTraitement],
        ['Mode de dépôt', candidature.demat ? 'Dossier dématérialisé' : 'Dossier papier'],
        ['Date limite de retour', date(candidature.dateRetour)],
        ...(candidature.informationsComplementaires
          ? [['Informations complémentaires', candidature.informationsComplementaires] as const]
          : []),
      ]),
      section('Pièces justificatives'),
      candidature.demat ? piecesDemat(data.pieces) : piecesPapier(data),
      ...(data.annexes ? fichiersJoints(data.annexes) : []),
    ],
  };
}

function informationsPersonnelles({ identite, email }: DossierPdfData): Content {
  const mail = ['Adresse e-mail', email] as const;
  if (!identite) return [champs([mail]), vide('Identité non renseignée')];
  return champs([
    ['Civilité', identite.civilite],
    ['Nom de naissance', identite.nomNaissance],
    ["Nom d'usage", identite.nomUsage],
    ['Prénom', identite.prenom],
    ['Autres prénoms', identite.autresPrenoms],
    ['Date de naissance', date(identite.dateNaissance)],
    ['Lieu de naissance', identite.lieuNaissance],
    ['Nationalité', identite.nationalite],
    ['INE', identite.ine],
    ['Téléphone', identite.telephone],
    ['Téléphone portable', identite.telephonePortable],
    mail,
  ]);
}

function baccalaureat(bac: DossierPdfData['bac']): Content {
  if (!bac) return vide(AUCUN);
  return champs([
    ['Série', bac.serie],
    ["Année d'obtention", bac.annee],
    ['Mention', bac.mention],
    ['Établissement', bac.etablissement],
    ['Lieu', bac.lieu],
    ['Spécialités', bac.specialites.length > 0 ? bac.specialites.map(texte).join(', ') : null],
  ]);
}

function piecesDemat(pieces: DossierPdfData['pieces']): Content {
  return tableau(
    ['Pièce', 'Statut', 'Fichier', 'Commentaire'],
    ['32%', '14%', '27%', '27%'],
    pieces.map((p) => [libellePiece(p), p.statut, p.fichier, p.commentaire]),
  );
}

function piecesPapier({ pieces, candidature }: DossierPdfData): Content {
  return [
    { text: 'Pièces à joindre au dossier papier', style: 'sousSection' },
    pieces.length > 0
      ? {
          table: {
            widths: ['4%', '96%'],
            dontBreakRows: true,
            body: pieces.map((p): TableCell[] => [caseACocher(), { text: libellePiece(p) }]),
          },
          layout: 'noBorders',
        }
      : vide(AUCUN),
    {
      unbreakable: true,
      stack: [
        {
          text: `Dossier à renvoyer au plus tard le ${date(candidature.dateRetour)} à l'adresse :`,
          bold: true,
          margin: [0, 12, 0, 4],
        },
        { ...lignes(candidature.adresseCommission), margin: [20, 0, 0, 0] },
      ],
    },
  ];
}

/** Which uploaded files follow the summary, and a line for each one that could not be joined. */
function fichiersJoints({ joints, nonJoints }: BilanAnnexes): Content[] {
  const contenu: Content[] = [];
  if (joints.length > 0) {
    const pages = joints.reduce((n, j) => n + j.pages, 0);
    contenu.push({
      text: `Fichiers joints à la suite de ce récapitulatif (${pages} page${pages > 1 ? 's' : ''}) : ${joints.map((j) => texte(j.nom)).join(', ')}`,
      margin: [0, 8, 0, 0],
    });
  }
  for (const f of nonJoints) contenu.push({ text: texte(phraseNonJointe(f)), bold: true, color: '#a00000', margin: [0, 4, 0, 0] });
  return contenu;
}

/** A drawn box: Roboto has no ☐ (U+2610) glyph, so the character would not print. */
function caseACocher(): TableCell {
  return { canvas: [{ type: 'rect', x: 0, y: 2, w: 8, h: 8, lineWidth: 0.8 }] };
}

function libellePiece(p: DossierPdfData['pieces'][number]): string {
  return p.conditionnel ? `${texte(p.libelle)} (si vous êtes concerné)` : texte(p.libelle);
}

function section(titre: string): Content {
  return { text: titre, style: 'section', headlineLevel: 1 };
}

function vide(message: string): Content {
  return { text: message, style: 'vide' };
}

/** Label / value pairs; a missing value prints a dash so that the reader sees the field was empty. */
function champs(paires: readonly (readonly [string, unknown])[]): Content {
  return {
    table: {
      widths: ['28%', '72%'],
      dontBreakRows: true,
      body: paires.map(([libelle, valeur]): TableCell[] => [
        { text: libelle, style: 'libelle' },
        { text: texte(valeur) || VIDE },
      ]),
    },
    layout: 'noBorders',
  };
}

/**
 * A list as a table with a header row repeated on each page; an empty list prints "Aucun" instead. Widths are
 * percentages, never '*' or 'auto': those grow to the longest word, and one long file name would push the other
 * columns off the page, where fixed widths make pdfmake cut the word instead.
 */
function tableau(
  colonnes: string[],
  widths: NonNullable<ContentTable['table']['widths']>,
  rangees: readonly (readonly unknown[])[],
): Content {
  if (rangees.length === 0) return vide(AUCUN);
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [
        colonnes.map((c): TableCell => ({ text: c, style: 'enTeteTableau' })),
        ...rangees.map((r) => r.map((v): TableCell => ({ text: texte(v) || VIDE }))),
      ],
    },
    layout: 'lightHorizontalLines',
  };
}
