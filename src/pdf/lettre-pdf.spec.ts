import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { pdfText, texteDefinition } from '../../test/support/pdf-text';
import { type LettreData, buildLettreAdmission, buildLettreRefus, nomLettre } from './lettre-pdf';
import { dateLongue } from './pdf-commun';
import { PdfRenderer } from './pdf-renderer';

function lettre(modif: Partial<LettreData> = {}): LettreData {
  return {
    etablissement: "Université d'Orléans",
    campagne: 'Campagne 2027',
    editeLe: new Date('2026-11-26T13:05:00Z'),
    numeroDossier: 'ZX81KQ2B',
    candidat: {
      civilite: 'Mme',
      nom: 'LEFÈVRE',
      prenom: 'Camille',
      adresse: ['12 rue des Carmes', '45000 ORLEANS', 'France'],
    },
    formation: 'M1-GEO2ENV — M1 SCIENCES DE LA TERRE ET ENVIRONNEMENT',
    commission: {
      libelle: 'Commission Master Géosciences',
      adresse: ['OSUC - SCOLARITE', '1 A rue de la Férollerie', '45071 ORLEANS CEDEX 2', 'Mail : scolarite.osuc@example.org'],
      signataire: null,
    },
    dateJury: '2027-05-12',
    dateValidation: '2027-05-20',
    dateConfirmation: '2027-06-15',
    commentaire: null,
    ...modif,
  };
}

/** Every string of the content, in reading order. */
function textes(definition: TDocumentDefinitions): string[] {
  return texteDefinition(definition.content);
}

describe('buildLettreAdmission', () => {
  it('is an A4 French letter: sender top left, candidate top right, place and date, object, references', () => {
    const definition = buildLettreAdmission(lettre());

    expect(definition).toMatchObject({ pageSize: 'A4', language: 'fr-FR' });
    expect(definition.info).toMatchObject({ title: "Lettre d'admission ZX81KQ2B", author: "Université d'Orléans" });
    const [adresses] = definition.content as { columns: unknown[] }[];
    expect(texteDefinition(adresses.columns[0])).toEqual([
      "Université d'Orléans",
      'Commission Master Géosciences',
      'OSUC - SCOLARITE',
      '1 A rue de la Férollerie',
      '45071 ORLEANS CEDEX 2',
      'Mail : scolarite.osuc@example.org',
    ]);
    expect(texteDefinition(adresses.columns[1])).toEqual(['Mme Camille LEFÈVRE', '12 rue des Carmes', '45000 ORLEANS', 'France']);
    const tout = textes(definition);
    // The city of the commission's address, CEDEX dropped.
    expect(tout).toContain('Orleans, le 26 novembre 2026');
    expect(tout).toEqual(
      expect.arrayContaining([
        'Objet : votre candidature à la formation M1-GEO2ENV — M1 SCIENCES DE LA TERRE ET ENVIRONNEMENT',
        'N° de dossier : ZX81KQ2B',
        'Campagne : Campagne 2027',
        'Décision du 20/05/2027',
        'Madame,',
      ]),
    );
  });

  it('says the avis is favourable and gives the confirmation deadline, signed by the jury president', () => {
    const tout = textes(buildLettreAdmission(lettre()));

    expect(tout).toContain(
      'La commission Commission Master Géosciences a émis un avis favorable à votre candidature à la formation M1-GEO2ENV — M1 SCIENCES DE LA TERRE ET ENVIRONNEMENT lors de sa réunion du 12 mai 2027.',
    );
    expect(tout).toContain(
      'Vous devez confirmer votre candidature avant le 15 juin 2027 inclus, depuis votre espace candidat ; à défaut, votre candidature sera considérée comme un désistement.',
    );
    expect(tout.at(-1)).toBe('Le président du jury');
    expect(tout.join('\n')).not.toMatch(/défavorable|Motif|Commentaire/);
  });

  it('without a confirmation deadline or jury date: sentences without them; a given place and signatory', () => {
    const tout = textes(
      buildLettreAdmission(
        lettre({
          dateConfirmation: null,
          dateJury: null,
          lieu: 'Orléans',
          candidat: { ...lettre().candidat, civilite: 'M.' },
          commission: { ...lettre().commission, signataire: 'Pr Jean Dupont, président du jury' },
        }),
      ),
    );

    expect(tout).toContain('Orléans, le 26 novembre 2026');
    expect(tout).toContain('Monsieur,');
    expect(tout).toContain(
      'La commission Commission Master Géosciences a émis un avis favorable à votre candidature à la formation M1-GEO2ENV — M1 SCIENCES DE LA TERRE ET ENVIRONNEMENT.',
    );
    expect(tout).toContain('Vous devez confirmer votre candidature depuis votre espace candidat pour que votre admission soit définitive.');
    expect(tout.join('\n')).not.toContain('avant le');
    expect(tout.at(-1)).toBe('Pr Jean Dupont, président du jury');
  });

  it('shows the comment when the commission made it visible', () => {
    expect(textes(buildLettreAdmission(lettre({ commentaire: 'Prévoir un stage de mise à niveau.' })))).toContain(
      'Commentaire de la commission : Prévoir un stage de mise à niveau.',
    );
  });

  it('with no "CP Ville" line in the commission address and no place: the date alone', () => {
    const tout = textes(buildLettreAdmission(lettre({ commission: { ...lettre().commission, adresse: ['OSUC'] } })));

    expect(tout).toContain('Le 26 novembre 2026');
    expect(textes(buildLettreAdmission(lettre({ commission: { ...lettre().commission, adresse: ['45140 SAINT-JEAN-DE-LA-RUELLE'] } })))).toContain(
      'Saint-Jean-de-la-Ruelle, le 26 novembre 2026',
    );
  });
});

describe('buildLettreRefus', () => {
  it('says the avis is unfavourable, with the motif and the comment', () => {
    const definition = buildLettreRefus({ ...lettre({ commentaire: 'Candidature à renouveler en M2.' }), motif: 'Capacité d’accueil atteinte' });
    const tout = textes(definition);

    expect(definition.info).toMatchObject({ title: 'Lettre de refus ZX81KQ2B' });
    expect(tout).toContain(
      'La commission Commission Master Géosciences a émis un avis défavorable à votre candidature à la formation M1-GEO2ENV — M1 SCIENCES DE LA TERRE ET ENVIRONNEMENT lors de sa réunion du 12 mai 2027.',
    );
    expect(tout).toContain('Motif : Capacité d’accueil atteinte');
    expect(tout).toContain('Commentaire de la commission : Candidature à renouveler en M2.');
    expect(tout.join('\n')).not.toMatch(/avis favorable|confirmer/);
  });

  it('has no "Motif" line without a motif, and no comment when none is shown', () => {
    for (const motif of [null, '', '  ']) {
      const tout = textes(buildLettreRefus({ ...lettre(), motif }));
      expect(tout.join('\n')).not.toMatch(/Motif|Commentaire/);
      expect(tout.some((t) => t.includes('un avis défavorable'))).toBe(true);
    }
  });

  it('passes whatever the fields hold to pdfmake as plain strings only', () => {
    const piege = { text: 'injecté', link: 'https://example.org', image: 'data:image/png;base64,AAAA' };
    const definition = buildLettreRefus({
      ...lettre({
        numeroDossier: undefined as unknown as string,
        candidat: { civilite: 'Mme', nom: piege as unknown as string, prenom: 'Ca\u0000mille', adresse: ['{"text":"pas un nœud"}'] },
        commentaire: 'Ligne 1\r\nLigne 2',
        dateConfirmation: 'bientôt',
      }),
      motif: 42 as unknown as string,
    });

    const valeurs: unknown[] = [];
    JSON.stringify(definition.content, (key, value: unknown) => {
      if (key === 'text') valeurs.push(value);
      expect(['image', 'link', 'svg', 'qr', 'images']).not.toContain(key);
      return value;
    });
    expect(valeurs.every((v) => typeof v === 'string')).toBe(true);
    expect(textes(definition)).toEqual(
      expect.arrayContaining([
        'N° de dossier : ',
        'Mme Camille [object Object]',
        '{"text":"pas un nœud"}',
        'Motif : 42',
        'Commentaire de la commission : Ligne 1\nLigne 2',
      ]),
    );
    expect(textes(buildLettreAdmission(lettre({ dateConfirmation: 'bientôt' })))).toEqual(
      expect.arrayContaining([expect.stringContaining('avant le bientôt inclus')]),
    );
  });
});

describe('dateLongue', () => {
  it('writes calendar dates and instants as letters do, in Paris', () => {
    expect(dateLongue('2027-03-01')).toBe('1er mars 2027');
    expect(dateLongue('2027-12-31')).toBe('31 décembre 2027');
    // 23:30 UTC on the 25th is already the 26th in Paris.
    expect(dateLongue(new Date('2026-11-25T23:30:00Z'))).toBe('26 novembre 2026');
    expect(dateLongue(null)).toBe('');
  });
});

describe('nomLettre', () => {
  it('names the file as the reference system does, in ASCII', () => {
    expect(nomLettre('admission', 'ZX81KQ2B', 'Lefèvre', 'Camille', 'M1-GEO2ENV')).toBe('lettre_admission-ZX81KQ2B_LEFEVRE_Camille-M1-GEO2ENV.pdf');
    expect(nomLettre('refus', 'ZX81KQ2B', "d'Œtinger de La Tour", 'Zoé Anaïs', 'LP/ÉNERGIE 1')).toBe(
      'lettre_refus-ZX81KQ2B_D-OETINGER-DE-LA-TOUR_Zoe-Anais-LP-ENERGIE-1.pdf',
    );
    expect(nomLettre('admission', 'ZX81KQ2B', '王', 'Li', 'M1')).toMatch(/^[A-Za-z0-9_.-]+$/);
  });
});

describe('PdfRenderer and the letters', () => {
  it('renders a letter whose text holds the name, the formation and the decision', async () => {
    const renderer = new PdfRenderer();
    const admission = await pdfText(await renderer.render(buildLettreAdmission(lettre())));
    const refus = await pdfText(await renderer.render(buildLettreRefus({ ...lettre(), motif: 'Prérequis non acquis' })));

    expect(admission).toContain('Mme Camille LEFÈVRE');
    expect(admission).toContain('M1-GEO2ENV — M1 SCIENCES DE LA TERRE ET ENVIRONNEMENT');
    expect(admission).toContain('avis favorable');
    expect(admission).toContain('Le président du jury');
    expect(refus).toContain('Motif : Prérequis non acquis');
  });
});
