import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { pdfText, texteDefinition } from '../../test/support/pdf-text';
import { Langue } from '../common/i18n/langue';
import { type LettreData, buildLettreAdmission, buildLettreRefus, nomLettre } from './lettre-pdf';
import { dateLongue } from './pdf-commun';
import { PdfRenderer } from './pdf-renderer';

function lettre(modif: Partial<LettreData> = {}): LettreData {
  return {
    langue: Langue.FR,
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
    dateReunion: '2027-05-12',
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

  it('without a confirmation deadline or meeting date: sentences without them; a given place and signatory', () => {
    const tout = textes(
      buildLettreAdmission(
        lettre({
          dateConfirmation: null,
          dateReunion: null,
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

  it("names the institution's type de décision under the references, in the letter's language; nothing without one", () => {
    expect(textes(buildLettreAdmission(lettre({ decision: 'Avis favorable sous réserve' })))).toContain('Décision : Avis favorable sous réserve');
    expect(textes(buildLettreAdmission(lettre({ langue: Langue.EN, decision: 'Conditional offer' })))).toContain('Decision: Conditional offer');
    expect(textes(buildLettreAdmission(lettre())).join('\n')).not.toMatch(/^Décision :/m);
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

describe('the letters in English', () => {
  const en = (modif: Partial<LettreData> = {}) => lettre({ langue: Langue.EN, ...modif });

  it('writes the admission letter in English: place and date, references, the avis at the meeting, the deadline, the closing', () => {
    const definition = buildLettreAdmission(en({ commentaire: 'Prévoir un stage de mise à niveau.' }));
    const tout = textes(definition);

    expect(definition).toMatchObject({ language: 'en-GB' });
    expect(definition.info).toMatchObject({ title: 'Admission letter ZX81KQ2B' });
    expect(tout).toEqual([
      "Université d'Orléans",
      'Commission Master Géosciences',
      'OSUC - SCOLARITE',
      '1 A rue de la Férollerie',
      '45071 ORLEANS CEDEX 2',
      'Mail : scolarite.osuc@example.org',
      'Mme Camille LEFÈVRE',
      '12 rue des Carmes',
      '45000 ORLEANS',
      'France',
      'Orleans, 26 November 2026',
      'Subject: your application to the programme M1-GEO2ENV — M1 SCIENCES DE LA TERRE ET ENVIRONNEMENT',
      'File number: ZX81KQ2B',
      'Campaign: Campagne 2027',
      'Decision of 20 May 2027',
      'Dear Ms LEFÈVRE,',
      'At its meeting of 12 May 2027, the admissions committee Commission Master Géosciences gave a favourable decision on your application to the programme M1-GEO2ENV — M1 SCIENCES DE LA TERRE ET ENVIRONNEMENT.',
      'You must confirm your application by 15 June 2027 inclusive, from your applicant space; otherwise, you will be considered to have withdrawn.',
      'Comment from the admissions committee: Prévoir un stage de mise à niveau.',
      'Please accept our congratulations. Yours sincerely,',
      'The chair of the admissions committee',
    ]);
    const footer = definition.footer as (page: number, pages: number) => unknown;
    expect(texteDefinition(footer(1, 1))).toEqual(["Université d'Orléans — Campagne 2027", 'Issued on 26 November 2026, 14:05']);
  });

  it('writes the refusal letter in English, and names no meeting without its date', () => {
    const tout = textes(buildLettreRefus({ ...en({ dateReunion: null, lieu: null, candidat: { ...lettre().candidat, civilite: '' }, commission: { ...lettre().commission, adresse: ['OSUC'] } }), motif: 'Capacité d’accueil atteinte' }));

    expect(tout).toEqual(
      expect.arrayContaining([
        '26 November 2026',
        'Dear Camille LEFÈVRE,',
        'The admissions committee Commission Master Géosciences gave an unfavourable decision on your application to the programme M1-GEO2ENV — M1 SCIENCES DE LA TERRE ET ENVIRONNEMENT.',
        'Reason: Capacité d’accueil atteinte',
        'We regret that we are unable to offer you a place. Yours sincerely,',
      ]),
    );
    expect(textes(buildLettreAdmission(en({ dateConfirmation: null, candidat: { ...lettre().candidat, civilite: 'M.' } })))).toEqual(
      expect.arrayContaining(['Dear Mr LEFÈVRE,', 'You must confirm your application from your applicant space for your admission to be final.']),
    );
  });

  it('has no French sentence of its own: only the data typed in French remain', () => {
    const donnees = /Université d'Orléans|Commission Master Géosciences|OSUC - SCOLARITE|rue de la Férollerie|ORLEANS|Mail : scolarite|LEFÈVRE|rue des Carmes|SCIENCES DE LA TERRE ET ENVIRONNEMENT|Campagne 2027|Prérequis non acquis/g;
    for (const definition of [buildLettreAdmission(en()), buildLettreRefus({ ...en(), motif: 'Prérequis non acquis' })]) {
      const propre = textes(definition).join('\n').replace(donnees, '');
      expect(propre).not.toMatch(/Madame|Monsieur|commission|formation|candidature|dossier|Objet|Motif|réunion|[«»àâçéèêëîïôûùœ]|\s:\s/);
    }
  });
});

describe('the settings staff gave (mentions)', () => {
  const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
  const mentions = {
    logo: PNG,
    adresseEtablissement: ['Château de la Source', '45100 Orléans'],
    signataire: { nom: 'Éric Blond', titre: "Président de l'université", signature: PNG },
    textes: ['Texte du diplôme.', 'Texte de la commission.'],
  };

  it('prints the logo first, the institution address under its name, the texts before the closing, the signatory with image and title', () => {
    const definition = buildLettreAdmission(lettre({ mentions }));
    const content = definition.content as unknown as Record<string, unknown>[];
    expect(content[0]).toMatchObject({ image: PNG });
    const tout = textes(definition);
    expect(tout.slice(0, 4)).toEqual(["Université d'Orléans", 'Château de la Source', '45100 Orléans', 'Commission Master Géosciences']);
    const formule = tout.findIndex((t) => t.startsWith('Nous vous adressons'));
    expect(tout.slice(formule - 2, formule)).toEqual(['Texte du diplôme.', 'Texte de la commission.']);
    expect(tout.slice(-2)).toEqual(['Éric Blond', "Président de l'université"]);
    expect(content.at(-1)).toMatchObject({ stack: [{ image: PNG }, { text: 'Éric Blond' }, { text: "Président de l'université" }] });
    expect(tout).not.toContain('Le président du jury');
  });

  it('without a signatory name keeps the shipped one; empty mentions change nothing of the shipped letter', () => {
    expect(textes(buildLettreRefus({ ...lettre({ mentions: { ...mentions, signataire: { nom: null, titre: null, signature: null } } }), motif: null })).at(-1)).toBe('Le président du jury');
    const vides = { logo: null, adresseEtablissement: [], signataire: { nom: null, titre: null, signature: null }, textes: [] };
    expect(textes(buildLettreAdmission(lettre({ mentions: vides })))).toEqual(textes(buildLettreAdmission(lettre())));
    expect(buildLettreAdmission(lettre({ mentions: vides })).content).toEqual(buildLettreAdmission(lettre()).content);
  });

  it('renders the images into the PDF', async () => {
    const texte = await pdfText(await new PdfRenderer().render(buildLettreAdmission(lettre({ mentions }))));
    expect(texte).toContain('Texte du diplôme.');
    expect(texte).toContain("Président de l'université");
  });
});

describe('dateLongue', () => {
  it('writes calendar dates and instants as letters do, in Paris', () => {
    expect(dateLongue('2027-03-01')).toBe('1er mars 2027');
    expect(dateLongue('2027-12-31')).toBe('31 décembre 2027');
    // 23:30 UTC on the 25th is already the 26th in Paris.
    expect(dateLongue(new Date('2026-11-25T23:30:00Z'))).toBe('26 novembre 2026');
    expect(dateLongue(null)).toBe('');
    expect(dateLongue('2027-03-01', Langue.EN)).toBe('1 March 2027');
    expect(dateLongue(new Date('2026-11-25T23:30:00Z'), Langue.EN)).toBe('26 November 2026');
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
    const anglais = await pdfText(await renderer.render(buildLettreAdmission(lettre({ langue: Langue.EN }))));
    expect(anglais).toContain('Dear Ms LEFÈVRE,');
    expect(anglais).toContain('favourable decision');
  });
});
