import { Langue } from '../../common/i18n/langue';
import * as avis from './avis.templates';
import * as candidature from './candidature.templates';
import * as compte from './compte.templates';
import { ModeleEditable } from '../modeles/modele-editable';
import { Modele, escapeHtml } from './mail-template';
import * as statut from './statut.templates';

/** What a user may type, with every HTML-significant character. */
const PIEGE = `<b>O'Brien & "fils"</b>`;
const PIEGE_ECHAPPE = '&lt;b&gt;O&#39;Brien &amp; &quot;fils&quot;&lt;/b&gt;';

const candidat = { prenom: 'Camille', nom: PIEGE, numeroDossier: '0WBZPM9X' };
const lien = 'https://candidatures.univ.fr/candidatures/0WBZPM9X?x=1&y=2';
const avant = new Date('2026-11-27T18:00:00Z');
const dossier = { ...candidat, formation: `Master ${PIEGE}`, lien };
const decision = { ...dossier, commentaire: `Bravo ${PIEGE}` };
const adresse = ['OSUC - SCOLARITE', '1 A rue de la Ferollerie', '45071 ORLEANS CEDEX 2'];
const pieces = [
  { libelle: `${PIEGE} transcript`, refusee: true, commentaire: `Illisible ${PIEGE}` },
  { libelle: 'CV', refusee: false, commentaire: null },
];

/** A template and data it renders, for one mail code (or one variant of a code). */
const exemple = <D,>(m: Modele<D>, d: D) => ({ m: m as Modele<unknown>, d: d as unknown });

/** Every mail code the application sends, by its reference name, with data exercising what varies in its text. */
const EXEMPLES = {
  CPT_MIN_CREATE: exemple(compte.compteCree, { ...candidat, lien, avant }),
  CPT_MIN_EXISTANT: exemple(compte.compteExistant, { lienIdentifiantsOublies: lien }),
  CPT_MIN_LIEN_VALID_OUBLIE: exemple(compte.nouveauLienActivation, { ...candidat, lien, avant }),
  CPT_MIN_MDP_OUBLIE: exemple(compte.identifiantsOublies, { ...candidat, lien, avant }),
  CPT_MIN_MOD_MAIL: exemple(compte.validationNouvelEmail, { ...candidat, lien, avant }),
  CPT_MIN_MOD_MAIL_EXISTANT: exemple(compte.adresseDejaUtilisee, { ...candidat, lienIdentifiantsOublies: lien }),
  CPT_MIN_MOD_MAIL_INFO: exemple(compte.changementEmailDemande, { ...candidat, nouvelEmail: 'nouvelle@example.org', lienIdentifiantsOublies: lien }),
  CPT_SUPPR: exemple(compte.compteEfface, candidat),
  CANDIDATURE: exemple(candidature.candidatureEnregistree, { ...dossier, dateRetour: '2027-04-10', demat: true, adresse }),
  'CANDIDATURE (paper)': exemple(candidature.candidatureEnregistree, { ...dossier, dateRetour: '2027-04-10', demat: false, adresse }),
  CANDIDATURE_ANNULATION: exemple(candidature.candidatureAnnulee, dossier),
  'STATUT_RE (transmitted by the candidate)': exemple(candidature.candidatureTransmise, dossier),
  COMMISSION_ALERT_TRANSMISSION: exemple(candidature.alerteTransmission, dossier),
  COMMISSION_ALERT_ANNULATION: exemple(candidature.alerteAnnulation, dossier),
  COMMISSION_ALERT_PROPOSITION: exemple(candidature.alerteProposition, dossier),
  CANDIDATURE_PROPOSITION: exemple(candidature.candidatureProposee, dossier),
  CANDIDATURE_RESTAURATION: exemple(candidature.candidatureRestauree, dossier),
  STATUT_AT: exemple(statut.statutEnAttente, { ...dossier, date: '2027-04-02' }),
  STATUT_RE: exemple(statut.statutReceptionne, { ...dossier, date: '2027-04-02' }),
  STATUT_CO: exemple(statut.statutComplet, { ...dossier, date: '2027-04-02' }),
  STATUT_IN: exemple(statut.statutIncomplet, { ...dossier, date: '2027-04-02', pieces, dateRetour: '2027-04-10', demat: true, adresse }),
  'STATUT_IN (paper, nothing listed)': exemple(statut.statutIncomplet, { ...dossier, date: '2027-04-02', pieces: [], dateRetour: '2027-04-10', demat: false, adresse }),
  AVIS_FAVORABLE: exemple(avis.avisFavorable, { ...decision, dateConfirmation: '2027-04-20' }),
  'AVIS_FAVORABLE (a type de décision of the institution)': exemple(avis.avisFavorable, { ...decision, decision: `Conditional ${PIEGE}`, dateConfirmation: '2027-04-20' }),
  'AVIS_FAVORABLE (no deadline)': exemple(avis.avisFavorable, { ...decision, commentaire: null, dateConfirmation: null }),
  AVIS_DEFAVORABLE: exemple(avis.avisDefavorable, { ...decision, motif: `Capacite ${PIEGE}` }),
  AVIS_LISTE_COMP: exemple(avis.avisListeComplementaire, { ...decision, rang: 4 }),
  AVIS_LISTE_ATT: exemple(avis.avisListeAttente, decision),
  AVIS_PRESELECTION: exemple(avis.avisPreselection, { ...decision, date: '2027-05-02', heure: '09:30', lieu: `Amphi ${PIEGE}` }),
  CANDIDATURE_CONFIRM: exemple(avis.confirmation, { ...dossier, codeOpi: 'EC0WBZPM9X' }),
  CANDIDATURE_DESIST: exemple(avis.desistement, dossier),
  CANDIDATURE_DESIST_AUTO: exemple(avis.desistementAutomatique, dossier),
  CANDIDATURE_RELANCE_FAVO: exemple(avis.relanceConfirmation, { ...dossier, dateConfirmation: '2027-04-20' }),
  CANDIDATURE_RELANCE_RETOUR: exemple(candidature.relanceRetour, { ...dossier, dateRetour: '2027-04-10' }),
  COMMISSION_ALERT_DESISTEMENT: exemple(avis.alerteDesistement, dossier),
  COMMISSION_ALERT_LISTE_PRINC: exemple(avis.alertePromotion, dossier),
  TYPE_TRAIT_AC: exemple(avis.typeTraitementAccesControle, dossier),
  TYPE_TRAIT_ATT: exemple(avis.typeTraitementEnAttente, dossier),
};

const rendu = (code: keyof typeof EXEMPLES, langue: Langue) => EXEMPLES[code].m({ ...(EXEMPLES[code].d as object), langue });

/** What only French text has: its greeting and words, typography and accents (the examples' own values have none). */
const FRANCAIS = /Bonjour|Votre|votre|candidature|formation|dossier|Commentaire|Motif|[«»àâçéèêëîïôûùœ]|\s:\s/;

describe('mail templates', () => {
  it('has an example for every template of the four modules', () => {
    const modeles: unknown[] = [compte, candidature, statut, avis].flatMap((module) => Object.values(module)).filter((v) => typeof v === 'function' && 'textes' in v);
    expect(modeles.length).toBeGreaterThan(0);
    const couverts = new Set<unknown>(Object.values(EXEMPLES).map((e) => e.m));
    expect(modeles.filter((m) => !couverts.has(m))).toEqual([]);
  });

  describe.each(Object.keys(EXEMPLES) as (keyof typeof EXEMPLES)[])('%s', (code) => {
    const fr = rendu(code, Langue.FR);
    const en = rendu(code, Langue.EN);

    it('renders a French and an English mail, both non-empty and different', () => {
      for (const mail of [fr, en]) {
        expect(mail.subject.trim()).not.toBe('');
        expect(mail.text.trim().length).toBeGreaterThan(40);
      }
      expect(en.subject).not.toBe(fr.subject);
      expect(en.text).not.toBe(fr.text);
      expect(fr.html).toContain('<html lang="fr">');
      expect(en.html).toContain('<html lang="en">');
    });

    it('leaves no French in the English mail', () => {
      const texte = `${en.subject}\n${en.text}`.replaceAll(PIEGE, '').replaceAll(lien, '');
      expect(texte).not.toMatch(FRANCAIS);
      expect(fr.text).toMatch(/Bonjour/);
    });

    it('escapes what users typed in the HTML part, in both languages', () => {
      for (const mail of [fr, en]) {
        expect(mail.html).not.toContain('<b>');
        if (mail.text.includes(PIEGE)) expect(mail.html).toContain(PIEGE_ECHAPPE);
        if (mail.text.includes(lien)) expect(mail.html).toContain('href="https://candidatures.univ.fr/candidatures/0WBZPM9X?x=1&amp;y=2"');
      }
    });
  });

  it('writes dates and instants as each language does, in Paris time', () => {
    const [fr, en] = [Langue.FR, Langue.EN].map((langue) => rendu('CPT_MIN_CREATE', langue).text);
    expect(fr).toContain('avant le 27 novembre 2026 à 19:00 ;');
    expect(en).toContain('before 27 November 2026 at 19:00 (Paris time);');
    expect(rendu('STATUT_IN', Langue.FR).text).toContain('au plus tard le 10/04/2027.');
    expect(rendu('STATUT_IN', Langue.EN).text).toContain('by 10 April 2027 at the latest.');
    expect(rendu('AVIS_FAVORABLE', Langue.EN).text).toContain('by 20 April 2027 at the latest');
    expect(rendu('CPT_MIN_CREATE', Langue.EN).text).toContain(`Activate my account: ${lien}`);
    expect(rendu('CPT_MIN_CREATE', Langue.FR).text).toContain(`Activer mon compte : ${lien}`);
  });

  it("names the institution's type de décision, before the comment; nothing for a model", () => {
    expect(rendu('AVIS_FAVORABLE (a type de décision of the institution)', Langue.FR).text).toContain(`Décision de la commission : Conditional ${PIEGE}\n\nCommentaire de la commission`);
    expect(rendu('AVIS_FAVORABLE (a type de décision of the institution)', Langue.EN).text).toContain(`Decision of the admissions committee: Conditional ${PIEGE}`);
    expect(rendu('AVIS_FAVORABLE', Langue.FR).text).not.toContain('Décision de la commission');
  });

  it('keeps user values as typed in the text part', () => {
    const mail = compte.compteCree({ prenom: '<script>alert(1)</script>', nom: 'O\'Brien & "fils"', numeroDossier: '0WBZPM9X', lien, avant, langue: Langue.FR });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; &quot;fils&quot;');
    expect(mail.text).toContain('Bonjour <script>alert(1)</script> O\'Brien & "fils",');
  });

  it('gives each template exactly the values its mail code declares, and says where the mail came from', () => {
    for (const code of Object.keys(EXEMPLES) as (keyof typeof EXEMPLES)[]) {
      const { definition } = EXEMPLES[code].m as ModeleEditable<unknown>;
      const { origine } = rendu(code, Langue.EN);
      expect({ code, valeurs: Object.keys(origine?.variables ?? {}).sort() }).toEqual({ code, valeurs: Object.keys(definition.variables).sort() });
      expect(origine).toMatchObject({ code: definition.code, langue: Langue.EN });
    }
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
