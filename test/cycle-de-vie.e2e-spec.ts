import { Avis } from '../src/candidature/entities/avis.entity';
import { Candidature } from '../src/candidature/entities/candidature.entity';
import { PieceCandidature } from '../src/candidature/entities/piece-candidature.entity';
import { Role } from '../src/common/auth/roles';
import { JobsService } from '../src/jobs/jobs.service';
import { MailOutbox } from '../src/mail/entities/mail-outbox.entity';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { Opi } from '../src/opi/opi.entity';
import { binary, parseCsv, workbook } from './support/exports';
import { createCampagne } from './support/factories';
import { api as client } from './support/api';
import { Offre, creerOffre } from './support/offre';
import { candidatComplet, staffConnecte } from './support/parcours';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';

type Body = Record<string, unknown>;
type Candidat = Awaited<ReturnType<typeof candidatComplet>> & { id: number };

const NOW = '2026-11-20T10:00:00Z';

/**
 * A candidature's life as one owner rules it (issue 12): answers are final, one liste complémentaire rank everywhere,
 * paper files checked by staff.
 */
describe('The life of a candidature: final answers, one rank, paper files', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let campagne: Campagne;
  const tokens: Record<string, string> = {};
  let offre: Offre;
  const api = (token: string) => client(t, token);
  const gest = () => api(tokens.gest);
  const sendMails = () => t.app.get(JobsService).trigger('envoi-mails');
  const recap = async (c: Candidat) => (await api(c.token).get(`candidat/candidatures/${c.id}`).expect(200)).body;
  const avisRows = (id: number) => t.dataSource.getRepository(Avis).countBy({ candidatureId: id });

  const formation = (extra: Body = {}) => offre.formation(extra);

  async function candidats(formationId: number, noms: string[]): Promise<Candidat[]> {
    const out: Candidat[] = [];
    for (const nom of noms) {
      const c = await candidatComplet(t, campagne, nom, 'Test');
      out.push({ ...c, id: (await api(c.token).post('candidat/candidatures', { formationId }).expect(201)).body.id });
    }
    return out;
  }

  /** Validated avis: FA for the first ones, LC with these typed ranks for the others. */
  async function decider(fa: Candidat[], lc: [Candidat, number][]) {
    if (fa.length) await gest().post('candidatures/avis', { candidatureIds: fa.map((c) => c.id), type: 'FA' }).expect(201);
    for (const [c, rang] of lc) await gest().post('candidatures/avis', { candidatureIds: [c.id], type: 'LC', rang }).expect(201);
    await gest().post('candidatures/avis/validation', { candidatureIds: [...fa, ...lc.map(([c]) => c)].map((c) => c.id) }).expect(200);
  }

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, THROTTLE_IP_PER_MINUTE: '100000', THROTTLE_ACCOUNT_PER_15_MIN: '1000' });
    t.clock.set(NOW);
    campagne = await createCampagne(t);
    Object.assign(tokens, await staffConnecte(t, { scol: ['scol.vie', [Role.SCOL_CENTRALE]], gest: ['gest.vie', [Role.GESTIONNAIRE], { centres: ['VIE'] }] }));
    offre = await creerOffre(t, tokens.scol, { centre: { code: 'VIE', libelle: 'Centre vie' }, commission: { alerte: false } });
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('a withdrawal is final: no new avis, no validation, no second withdrawal, and exactly one promotion', async () => {
    const f = await formation({ listeComplementaire: true, delaiConfirmationListeComplementaire: 5 });
    const [admis, confirme, premier, second] = await candidats(f, ['Retrait', 'Confirme', 'Premier', 'Second']);
    await decider([admis, confirme], [[premier, 1], [second, 2]]);

    await api(admis.token).post(`candidat/candidatures/${admis.id}/desistement`).expect(200);
    await api(confirme.token).post(`candidat/candidatures/${confirme.id}/confirmation`).expect(200);
    const avant = await avisRows(admis.id);

    // Staff cannot change the decision of a withdrawn candidature: one code, a reason that says why.
    const nouvel = await gest().post('candidatures/avis', { candidatureIds: [admis.id], type: 'FA' }).expect(422);
    expect(nouvel.body).toMatchObject({ code: 'CANDIDATURE_NON_MODIFIABLE', detail: expect.stringContaining('désisté') });
    expect((await gest().post('candidatures/avis/validation', { candidatureIds: [admis.id] }).expect(422)).body.code).toBe('CANDIDATURE_NON_MODIFIABLE');
    expect((await gest().delete(`candidatures/${admis.id}/avis/dernier`).expect(422)).body.code).toBe('CANDIDATURE_NON_MODIFIABLE');
    expect((await gest().post('candidatures/type-traitement', { candidatureIds: [admis.id], typeTraitement: 'AD' }).expect(422)).body.code).toBe('CANDIDATURE_NON_MODIFIABLE');
    expect((await gest().post('candidatures/statut-dossier', { candidatureIds: [admis.id], statut: 'IN' }).expect(422)).body.code).toBe('CANDIDATURE_NON_MODIFIABLE');
    // A bulk naming it with others changes none of them.
    const lot = await gest().post('candidatures/avis', { candidatureIds: [second.id, admis.id], type: 'DE', motif: 'CAPACITE' }).expect(422);
    expect(lot.body.detail).toContain(`candidature ${admis.id} : `);
    expect(await avisRows(second.id)).toBe(1);
    expect(await avisRows(admis.id)).toBe(avant);

    // The candidate's second withdrawal is refused too.
    expect((await api(admis.token).post(`candidat/candidatures/${admis.id}/desistement`).expect(422)).body.code).toBe('DESISTEMENT_IMPOSSIBLE');

    // A confirmed candidature refuses a new avis as well (the candidate may still withdraw).
    expect((await gest().post('candidatures/avis', { candidatureIds: [confirme.id], type: 'DE', motif: 'CAPACITE' }).expect(422)).body.detail).toContain('confirmé');

    // Exactly one promotion: the first of the list; the second is now first.
    const promus = await t.dataSource.getRepository(Avis).findBy({ creePar: 'autoListComp' });
    expect(promus.map((a) => a.candidatureId)).toEqual([premier.id]);
    expect((await recap(premier)).decision).toMatchObject({ code: 'FA', dateLimiteConfirmation: '2026-11-25' });
    expect((await recap(second)).decision).toMatchObject({ code: 'LC', rang: 1 });

    // Both récapitulatifs show the answer; the OPI code only while confirmed.
    const retire = await recap(admis);
    expect(retire).toMatchObject({ reponse: { code: 'DESISTEE', libelle: 'Désistement', automatique: false, date: '2026-11-20T10:00:00.000Z' }, codeOpi: null });
    expect(Object.values(retire.actions as Record<string, { possible: boolean }>).filter((a) => a.possible)).toHaveLength(1);
    const oui = await recap(confirme);
    expect(oui).toMatchObject({ reponse: { code: 'CONFIRMEE', libelle: 'Confirmée', automatique: false }, codeOpi: `EC${confirme.numero}` });

    // Staff see the answer in the list and the full view.
    const liste = (await gest().get(`candidatures?formationId=${f}&limit=50`).expect(200)).body.items as { id: number; reponse: unknown }[];
    expect(liste.find((i) => i.id === admis.id)?.reponse).toMatchObject({ code: 'DESISTEE' });
    expect((await gest().get(`candidatures/${admis.id}`).expect(200)).body).toMatchObject({ reponse: { code: 'DESISTEE' }, codeOpi: null, recapitulatif: { reponse: { code: 'DESISTEE' } } });

    // The confirmed candidate withdraws: the OPI code goes, a second promotion comes from that candidature only.
    await api(confirme.token).post(`candidat/candidatures/${confirme.id}/desistement`).expect(200);
    expect(await recap(confirme)).toMatchObject({ reponse: { code: 'DESISTEE' }, codeOpi: null });
    expect((await t.dataSource.getRepository(Avis).findBy({ creePar: 'autoListComp' })).map((a) => a.candidatureId).sort()).toEqual([premier.id, second.id].sort());
    expect(await t.dataSource.getRepository(Opi).countBy({ candidatureId: confirme.id })).toBe(0);
  });

  it('four on the liste complémentaire, one promoted, one revised to défavorable: every view gives each the same rank', async () => {
    const f = await formation({ listeComplementaire: true, delaiConfirmationListeComplementaire: 5 });
    const [admis, a, b, c, d] = await candidats(f, ['Admis', 'Alpha', 'Bravo', 'Charlie', 'Delta']);
    // Typed ranks with gaps and out of order: the ranks are the order, 1..n.
    await decider([admis], [[a, 10], [b, 20], [c, 25], [d, 30]]);
    await sendMails();
    for (const [x, rang] of [[a, 1], [b, 2], [c, 3], [d, 4]] as const) {
      const mail = await smtp.waitFor((m) => smtp.to(x.email).includes(m) && /Liste complémentaire/.test(m.subject ?? ''));
      expect(mail.text).toContain(`au rang ${rang}.`);
      expect((await recap(x)).decision.rang).toBe(rang);
    }

    await api(admis.token).post(`candidat/candidatures/${admis.id}/desistement`).expect(200); // promotes Alpha
    await gest().post('candidatures/avis', { candidatureIds: [c.id], type: 'DE', motif: 'CAPACITE' }).expect(201);
    await gest().post('candidatures/avis/validation', { candidatureIds: [c.id] }).expect(200); // Charlie leaves the list

    const attendu = new Map([
      [a.id, null],
      [b.id, 1],
      [c.id, null],
      [d.id, 2],
    ]);
    const vus: Record<string, Map<number, number | null>> = {};
    vus.recapitulatif = new Map(await Promise.all([a, b, c, d].map(async (x) => [x.id, (await recap(x)).decision.rang ?? null] as [number, number | null])));
    const items = (await gest().get(`candidatures?formationId=${f}&limit=50`).expect(200)).body.items as { id: number; rangListeComplementaire: number | null }[];
    vus.liste = new Map([a, b, c, d].map((x) => [x.id, items.find((i) => i.id === x.id)!.rangListeComplementaire]));
    vus.vueComplete = new Map(await Promise.all([a, b, c, d].map(async (x) => [x.id, (await gest().get(`candidatures/${x.id}`).expect(200)).body.rangListeComplementaire] as [number, number | null])));
    const csv = parseCsv((await gest().get(`candidatures/export.csv?formationId=${f}`).expect(200)).text.replace(/^\uFEFF/, ''));
    const rangCsv = csv[0].indexOf('Rang liste complémentaire');
    const numero = new Map([a, b, c, d].map((x) => [x.numero, x.id]));
    vus.csv = new Map(csv.slice(1).filter((r) => numero.has(r[0])).map((r) => [numero.get(r[0])!, r[rangCsv] === '' ? null : Number(r[rangCsv])]));
    const feuille = (await workbook((await gest().get(`candidatures/export.xlsx?formationId=${f}`).buffer(true).parse(binary).expect(200)).body as Buffer)).worksheets[0];
    const entetes = (feuille.getRow(1).values as unknown[]).map(String);
    vus.xlsx = new Map();
    feuille.eachRow((row, n) => {
      const valeurs = row.values as unknown[];
      const id = numero.get(String(valeurs[entetes.indexOf('Numéro de dossier')]));
      const rang = valeurs[entetes.indexOf('Rang liste complémentaire')];
      if (n > 1 && id) vus.xlsx.set(id, rang === undefined || rang === null || rang === '' ? null : Number(rang));
    });
    for (const [vue, rangs] of Object.entries(vus)) expect({ vue, rangs: [...rangs].sort((x, y) => x[0] - y[0]) }).toEqual({ vue, rangs: [...attendu].sort((x, y) => x[0] - y[0]) });
    expect((await recap(a)).decision.code).toBe('FA');
    expect((await recap(c)).decision.code).toBe('DE');
  });

  it('a paper file: staff mark one pièce refused with a comment and one missing, statut IN: the mail and the récapitulatif list both', async () => {
    const f = await formation({ demat: false });
    const piece = async (code: string, libelle: string) => (await gest().post('offre/gestion/pieces', { code, libelle, commun: false, centreId: offre.centreId, formationIds: [f] }).expect(201)).body.id as number;
    const releves = await piece('PAP-RELEVES', 'Relevés de notes');
    const cv = await piece('PAP-CV', 'Curriculum vitae');
    const lettre = await piece('PAP-LETTRE', 'Lettre de motivation');
    const [p] = await candidats(f, ['Papier']);

    // Nothing was uploaded: staff record what came by post.
    await gest().put(`candidatures/${p.id}/pieces/${releves}/statut`, { statut: 'RE', commentaire: 'Le relevé du semestre 6 manque.' }).expect(200);
    await gest().put(`candidatures/${p.id}/pieces/${cv}/statut`, { statut: 'AT', commentaire: "Absent de l'enveloppe." }).expect(200);
    await gest().put(`candidatures/${p.id}/pieces/${lettre}/statut`, { statut: 'VA' }).expect(200);
    expect(await t.dataSource.getRepository(PieceCandidature).countBy({ candidatureId: p.id })).toBe(3);
    await gest().post('candidatures/statut-dossier', { candidatureIds: [p.id], statut: 'IN' }).expect(200);

    const row = await t.dataSource.getRepository(MailOutbox).findOneByOrFail({ code: 'STATUT_IN', destinataire: p.email });
    expect(row.texte).toContain('- Relevés de notes : refusée (Le relevé du semestre 6 manque.)');
    expect(row.texte).toContain("- Curriculum vitae : manquante (Absent de l'enveloppe.)");
    expect(row.texte).not.toContain('Lettre de motivation');
    expect(row.texte).not.toContain('Prenez contact avec la commission');
    await sendMails();
    await smtp.waitFor((m) => smtp.to(p.email).includes(m) && /Dossier incomplet/.test(m.subject ?? ''));

    const pieces = (await recap(p)).pieces as { libelle: string; statut: string; statutLibelle: string; commentaire: string | null }[];
    expect(pieces.map(({ libelle, statut, statutLibelle, commentaire }) => ({ libelle, statut, statutLibelle, commentaire }))).toEqual(
      expect.arrayContaining([
        { libelle: 'Relevés de notes', statut: 'RE', statutLibelle: 'Refusée', commentaire: 'Le relevé du semestre 6 manque.' },
        { libelle: 'Curriculum vitae', statut: 'AT', statutLibelle: 'Manquante', commentaire: "Absent de l'enveloppe." },
        { libelle: 'Lettre de motivation', statut: 'VA', statutLibelle: 'Validée', commentaire: null },
      ]),
    );
    // The candidate still cannot upload on paper.
    expect((await recap(p)).actions.deposerPieces.possible).toBe(false);
    expect((await t.dataSource.getRepository(Candidature).findOneByOrFail({ id: p.id })).statutDossier).toBe('IN');
  });
});
