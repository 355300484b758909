import type { ContextPageSize, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces';
import { pdfText, texteDefinition } from '../../test/support/pdf-text';
import { buildDossierPdf, type DossierPdfData } from './dossier-pdf';
import { PdfRenderer } from './pdf-renderer';

function dossier(
  modif: Partial<DossierPdfData> = {},
  candidature: Partial<DossierPdfData['candidature']> = {},
): DossierPdfData {
  return {
    etablissement: "Université d'Orléans",
    campagne: 'Campagne 2027',
    editeLe: new Date('2026-11-26T13:05:00Z'),
    numeroDossier: 'ZX81KQ2B',
    email: 'camille.durand@example.org',
    identite: {
      civilite: 'Mme',
      nomNaissance: 'DURAND',
      nomUsage: 'LEFÈVRE',
      prenom: 'Camille',
      autresPrenoms: null,
      dateNaissance: '2001-03-09',
      lieuNaissance: 'Orléans (45), France',
      nationalite: 'Française',
      ine: '1234567890A',
      telephone: null,
      telephonePortable: '06 12 34 56 78',
    },
    adresse: { lignes: ['12 rue des Carmes', '45000 ORLEANS', 'France'] },
    bac: {
      annee: 2019,
      serie: 'Bac général',
      mention: 'Bien',
      etablissement: 'Lycée Pothier',
      lieu: 'Orléans',
      specialites: ['Mathématiques', 'SVT'],
    },
    cursusExterne: [
      {
        annee: 2022,
        libelle: 'Licence Sciences de la Terre',
        etablissement: 'Université de Tours',
        lieu: 'Tours',
        resultat: 'Obtenu',
        mention: 'Assez bien',
      },
    ],
    stages: [{ annee: 2022, employeur: 'BRGM', duree: '2 mois', description: 'Cartographie géologique' }],
    experiencesPro: [
      { annee: 2023, intitule: 'Technicienne', employeur: 'Hydro Conseil', duree: '6 mois', description: null },
    ],
    candidature: {
      formation: 'M1-GEO2ENV — M1 SCIENCES DE LA TERRE ET ENVIRONNEMENT',
      commission: 'Commission Master Géosciences',
      adresseCommission: [
        'OSUC - SCOLARITE',
        'Martine BODUSSEAU',
        '1 A rue de la Férollerie',
        '45071 ORLEANS CEDEX 2',
        'Mail : scolarite.osuc@example.org',
      ],
      demat: false,
      statutDossier: 'En attente',
      typeTraitement: 'Traitement normal',
      dateRetour: '2027-06-15',
      dateDepot: '2026-11-25T23:30:00Z',
      informationsComplementaires: null,
      ...candidature,
    },
    pieces: [
      { libelle: "Pièce d'identité", statut: 'En attente', conditionnel: false, fichier: null, commentaire: null },
      { libelle: 'Attestation de stage', statut: 'Non concerné', conditionnel: true, fichier: null, commentaire: null },
    ],
    ...modif,
  };
}

/** Every string of the content, in reading order. */
function textes(definition: TDocumentDefinitions): string[] {
  return texteDefinition(definition.content);
}

const A4: ContextPageSize = { width: 595.28, height: 841.89, orientation: 'portrait' };
/** The strings that come right after a section title, up to the next section. */
function section(definition: TDocumentDefinitions, titre: string): string[] {
  const tout = textes(definition);
  const debut = tout.indexOf(titre);
  expect(debut).toBeGreaterThanOrEqual(0);
  const suivantes = tout.slice(debut + 1);
  const fin = suivantes.findIndex((t) => SECTIONS.includes(t));
  return fin < 0 ? suivantes : suivantes.slice(0, fin);
}

const SECTIONS = [
  'Informations personnelles',
  'Adresse',
  'Baccalauréat ou équivalent',
  'Cursus post-bac (externe)',
  'Stages',
  'Expériences professionnelles',
  'Candidature',
  'Pièces justificatives',
];

describe('buildDossierPdf', () => {
  it('lays out an A4 French document with the institution, the campaign and the edition date on each page', () => {
    const definition = buildDossierPdf(dossier());

    expect(definition).toMatchObject({ pageSize: 'A4', language: 'fr-FR', pageMargins: [40, 60, 40, 50] });
    expect(definition.info).toMatchObject({ title: 'Dossier de candidature ZX81KQ2B', author: "Université d'Orléans" });
    expect(texteDefinition(definition.header)).toEqual(["Université d'Orléans", 'Campagne 2027']);
    const footer = definition.footer as DynamicContent;
    // 13:05 UTC is 14:05 in Paris in November.
    expect(texteDefinition(footer(2, 3, A4))).toEqual(['Édité le 26/11/2026 à 14:05', 'Page 2 / 3']);
    const tout = textes(definition);
    expect(tout).toEqual(expect.arrayContaining(['Dossier de candidature', 'N° de dossier : ZX81KQ2B']));
    expect(SECTIONS.every((s) => tout.includes(s))).toBe(true);
  });

  it('prints the identity with dates as DD/MM/YYYY and a dash for empty fields', () => {
    const identite = section(buildDossierPdf(dossier()), 'Informations personnelles');

    expect(identite).toEqual([
      'Civilité', 'Mme',
      'Nom de naissance', 'DURAND',
      "Nom d'usage", 'LEFÈVRE',
      'Prénom', 'Camille',
      'Autres prénoms', '—',
      'Date de naissance', '09/03/2001',
      'Lieu de naissance', 'Orléans (45), France',
      'Nationalité', 'Française',
      'INE', '1234567890A',
      'Téléphone', '—',
      'Téléphone portable', '06 12 34 56 78',
      'Adresse e-mail', 'camille.durand@example.org',
    ]);
  });

  it('prints the address lines, the baccalauréat and each list as a table', () => {
    const definition = buildDossierPdf(dossier());

    expect(section(definition, 'Adresse')).toEqual(['12 rue des Carmes', '45000 ORLEANS', 'France']);
    expect(section(definition, 'Baccalauréat ou équivalent')).toEqual(
      expect.arrayContaining(['Bac général', '2019', 'Bien', 'Lycée Pothier', 'Mathématiques, SVT']),
    );
    expect(section(definition, 'Cursus post-bac (externe)')).toEqual([
      ...['Année', 'Formation', 'Établissement', 'Lieu', 'Résultat', 'Mention'],
      ...['2022', 'Licence Sciences de la Terre', 'Université de Tours', 'Tours', 'Obtenu', 'Assez bien'],
    ]);
    expect(section(definition, 'Stages')).toEqual(
      expect.arrayContaining(['BRGM', '2 mois', 'Cartographie géologique']),
    );
    expect(section(definition, 'Expériences professionnelles')).toEqual(
      expect.arrayContaining(['Technicienne', 'Hydro Conseil', '6 mois', '—']),
    );
  });

  it('still prints every section of an empty file, with "Aucun" for empty lists', () => {
    const definition = buildDossierPdf(
      dossier({
        identite: null,
        adresse: null,
        bac: null,
        cursusExterne: [],
        stages: [],
        experiencesPro: [],
        pieces: [],
      }),
    );

    expect(section(definition, 'Informations personnelles')).toEqual([
      'Adresse e-mail',
      'camille.durand@example.org',
      'Identité non renseignée',
    ]);
    expect(section(definition, 'Adresse')).toEqual(['Non renseignée']);
    expect(section(definition, 'Baccalauréat ou équivalent')).toEqual(['Aucun']);
    expect(section(definition, 'Cursus post-bac (externe)')).toEqual(['Aucun']);
    expect(section(definition, 'Stages')).toEqual(['Aucun']);
    expect(section(definition, 'Expériences professionnelles')).toEqual(['Aucun']);
    expect(section(definition, 'Pièces justificatives')).toEqual(
      expect.arrayContaining(['Pièces à joindre au dossier papier', 'Aucun']),
    );
  });

  it('prints the candidature with its deadline, and the date it was made as a Paris calendar date', () => {
    const candidature = section(
      buildDossierPdf(dossier({}, { informationsComplementaires: 'Alternance souhaitée' })),
      'Candidature',
    );

    expect(candidature).toEqual([
      'Formation', 'M1-GEO2ENV — M1 SCIENCES DE LA TERRE ET ENVIRONNEMENT',
      'Commission', 'Commission Master Géosciences',
      // In both modes: the demat candidate also needs whom to write to.
      'Adresse de contact', 'OSUC - SCOLARITE\nMartine BODUSSEAU\n1 A rue de la Férollerie\n45071 ORLEANS CEDEX 2\nMail : scolarite.osuc@example.org',
      // 23:30 UTC on the 25th is already the 26th in Paris.
      'Date de candidature', '26/11/2026',
      'Statut du dossier', 'En attente',
      'Type de traitement', 'Traitement normal',
      'Mode de dépôt', 'Dossier papier',
      'Date limite de retour', '15/06/2027',
      'Informations complémentaires', 'Alternance souhaitée',
    ]);
    expect(section(buildDossierPdf(dossier({}, { dateDepot: '2026-11-20' })), 'Candidature')).toContain('20/11/2026');
  });

  it('paper mode: a checklist with a drawn box per pièce, then the deadline and the commission address', () => {
    const definition = buildDossierPdf(dossier());
    const pieces = section(definition, 'Pièces justificatives');

    expect(pieces).toEqual([
      'Pièces à joindre au dossier papier',
      "Pièce d'identité",
      'Attestation de stage (si vous êtes concerné)',
      "Dossier à renvoyer au plus tard le 15/06/2027 à l'adresse :",
      'OSUC - SCOLARITE',
      'Martine BODUSSEAU',
      '1 A rue de la Férollerie',
      '45071 ORLEANS CEDEX 2',
      'Mail : scolarite.osuc@example.org',
    ]);
    const boites = JSON.stringify(definition.content).match(/"type":"rect"/g);
    expect(boites).toHaveLength(2);
  });

  it('demat mode: a table of pièces with statut, file name and comment, and no paper checklist', () => {
    const definition = buildDossierPdf({
      ...dossier({}, { demat: true }),
      pieces: [
        { libelle: 'Relevé de notes', statut: 'Validé', conditionnel: false, fichier: 'notes.pdf', commentaire: null },
        { libelle: 'CV', statut: 'Refusé', conditionnel: false, fichier: 'cv.pdf', commentaire: 'Illisible' },
      ],
    });

    expect(section(definition, 'Pièces justificatives')).toEqual([
      ...['Pièce', 'Statut', 'Fichier', 'Commentaire'],
      ...['Relevé de notes', 'Validé', 'notes.pdf', '—'],
      ...['CV', 'Refusé', 'cv.pdf', 'Illisible'],
    ]);
    expect(section(definition, 'Candidature')).toContain('Dossier dématérialisé');
    expect(JSON.stringify(definition.content)).not.toContain('dossier papier');
  });

  it('says which uploaded files follow the summary, and names each one that could not be joined, with why', () => {
    const definition = buildDossierPdf({
      ...dossier({}, { demat: true }),
      pieces: [{ libelle: 'Relevé de notes', statut: 'Transmise', conditionnel: false, fichier: 'notes.pdf', commentaire: null }],
      annexes: {
        joints: [
          { piece: 'Relevé de notes', nom: 'notes.pdf', pages: 2 },
          { piece: 'Photo', nom: 'photo.png', pages: 1 },
        ],
        nonJoints: [
          { piece: 'CV', nom: 'cv.pdf', raison: 'illisible' },
          { piece: 'Diplôme', nom: 'diplome.pdf', raison: 'protege' },
          { piece: 'Lettre', nom: 'lettre\u0007.pdf', raison: 'introuvable' },
        ],
      },
    });

    expect(section(definition, 'Pièces justificatives').slice(8)).toEqual([
      'Fichiers joints à la suite de ce récapitulatif (3 pages) : notes.pdf, photo.png',
      'Fichier illisible, non joint : cv.pdf (CV)',
      'Fichier protégé par un mot de passe, non joint : diplome.pdf (Diplôme)',
      'Fichier introuvable, non joint : lettre.pdf (Lettre)',
    ]);
    const seul = buildDossierPdf({ ...dossier({}, { demat: true }), annexes: { joints: [{ piece: 'CV', nom: 'cv.pdf', pages: 1 }], nonJoints: [] } });
    expect(section(seul, 'Pièces justificatives')).toContain('Fichiers joints à la suite de ce récapitulatif (1 page) : cv.pdf');
    const aucun = buildDossierPdf({ ...dossier({}, { demat: true }), annexes: { joints: [], nonJoints: [] } });
    expect(section(aucun, 'Pièces justificatives').join('\n')).not.toMatch(/joint/);
  });

  it('passes whatever the fields hold to pdfmake as plain strings only', () => {
    const piege = { text: 'injecté', link: 'https://example.org', image: 'data:image/png;base64,AAAA' };
    const definition = buildDossierPdf(
      dossier(
        {
          numeroDossier: undefined as unknown as string,
          identite: { ...dossier().identite!, prenom: piege as unknown as string, ine: 42 as unknown as string },
          adresse: { lignes: ['1 rue\u0000 du Nul', '{"text":"pas un nœud"}'] },
        },
        {
          commission: ['liste'] as unknown as string,
          dateRetour: 'bientôt',
          informationsComplementaires: 'Ligne 1\r\nLigne 2',
        },
      ),
    );

    const valeurs: unknown[] = [];
    JSON.stringify(definition.content, (key, value: unknown) => {
      if (key === 'text') valeurs.push(value);
      expect(['image', 'link', 'svg', 'qr', 'images']).not.toContain(key);
      return value;
    });
    expect(valeurs.every((v) => typeof v === 'string')).toBe(true);
    const tout = textes(definition);
    expect(tout).toEqual(
      expect.arrayContaining([
        'N° de dossier : ',
        '[object Object]',
        '42',
        '1 rue du Nul',
        '{"text":"pas un nœud"}',
        "Dossier à renvoyer au plus tard le bientôt à l'adresse :",
        'Ligne 1\nLigne 2',
      ]),
    );
  });

  it('moves a section title found at the very bottom of a page to the next page', () => {
    const { pageBreakBefore } = buildDossierPdf(dossier());
    const titre = (verticalRatio: number, headlineLevel?: number) =>
      ({ headlineLevel, startPosition: { verticalRatio } }) as Parameters<NonNullable<typeof pageBreakBefore>>[0];
    const suite = {} as Parameters<NonNullable<typeof pageBreakBefore>>[1];

    expect(pageBreakBefore?.(titre(0.95, 1), suite)).toBe(true);
    expect(pageBreakBefore?.(titre(0.5, 1), suite)).toBe(false);
    expect(pageBreakBefore?.(titre(0.95), suite)).toBe(false);
  });
});

describe('PdfRenderer', () => {
  it('renders the dossier with the embedded Roboto fonts, accents included, as often as asked', async () => {
    const renderer = new PdfRenderer();
    const demat = await renderer.render(buildDossierPdf(dossier({}, { demat: true })));
    const pdf = await renderer.render(buildDossierPdf(dossier()));

    expect(await pdfText(demat)).toContain('Dossier dématérialisé');

    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain("Université d'Orléans");
    expect(text).toContain('Dossier de candidature');
    expect(text).toContain('DURAND');
    expect(text).toContain('M1-GEO2ENV — M1 SCIENCES DE LA TERRE ET ENVIRONNEMENT');
    expect(text).toContain("Dossier à renvoyer au plus tard le 15/06/2027 à l'adresse :");
    expect(text).toContain('1 A rue de la Férollerie');
    expect(text).toContain('Édité le 26/11/2026 à 14:05');
    expect(text).toMatch(/Page 1 \/ \d/);
  });
});
