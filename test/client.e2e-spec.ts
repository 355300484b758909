import { createCandidaturesClient } from '../client';
import { Role } from '../src/common/auth/roles';
import { OutboxService } from '../src/mail/outbox.service';
import { api as staffApi } from './support/api';
import { createCampagne } from './support/factories';
import { creerOffre } from './support/offre';
import { staffConnecte } from './support/parcours';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp, startTestApp } from './support/test-app';

/**
 * The generated typed client (client/, from openapi.json) against the real API over HTTP: what a front-end team
 * gets. The compiler checks every path, body and answer used here; a contract that drifted from the code would
 * fail either the compilation of this file or its assertions.
 */
describe('The generated typed client', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let api: ReturnType<typeof createCandidaturesClient>;

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url });
    t.clock.set('2026-11-20T10:00:00Z');
    await createCampagne(t);
    // Staff set up the offer; the candidate below finds it through the public routes only (no id kept from here).
    const { scol } = await staffConnecte(t, { scol: ['client-scol', [Role.SCOL_CENTRALE]] });
    const offre = await creerOffre(t, scol, { centre: { code: 'CLIENT', libelle: 'UFR Sciences de la Terre' } });
    await offre.formation({ libelle: 'Master Volcanologie' });
    await offre.formation({ libelle: 'Master Sismologie' });
    await staffApi(t, scol).post('offre/gestion/pieces', { code: 'CLIENT-CV', libelle: 'Curriculum vitae', commun: true, centreId: offre.centreId }).expect(201);
    await t.app.listen(0, '127.0.0.1');
    api = createCandidaturesClient(await t.app.getUrl());
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('walks a candidate from account creation to a candidature made from the public offer alone, problems included', async () => {
    const password = 'une phrase de passe pour le client';
    const email = 'client.type@example.org';
    const created = await api.POST('/api/comptes', {
      body: { nom: 'Typé', prenom: 'Client', email, emailConfirmation: email, password, passwordConfirmation: password },
    });
    expect(created.response.status).toBe(202);
    expect(created.data?.message).toMatch(/mail/);

    await t.app.get(OutboxService).deliverDue();
    const mail = await smtp.waitFor((m) => smtp.to(email).includes(m));
    const token = /activation\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1] as string;
    const activated = await api.POST('/api/comptes/activation', { body: { token } });
    const numero = activated.data?.numeroDossier as string;
    expect(numero).toMatch(/^[0-9A-Z]{8}$/);

    const session = await api.POST('/api/auth/login', { body: { login: numero, password } });
    api.authenticate(session.data?.token ?? null);
    const me = await api.GET('/api/auth/me');
    expect(me.data).toMatchObject({ kind: 'candidat', login: numero, scopes: { centres: [], commissions: [] } });

    // A problem comes back typed as the contract's ProblemDto, naming the field.
    const refused = await api.PUT('/api/candidat/adresse', { body: { pays: 'FR', ligne1: '1 rue Jeanne d’Arc', codePostal: '45000', commune: '75056' } });
    expect(refused.response.status).toBe(400);
    expect(refused.error?.errors?.[0]).toMatchObject({ field: 'commune' });

    const saved = await api.PUT('/api/candidat/adresse', { body: { pays: 'FR', ligne1: '1 rue Jeanne d’Arc', codePostal: '45000', commune: '45234' } });
    expect(saved.data?.version).toBe(1);
    const etag = saved.response.headers.get('etag') as string;
    const changed = await api.PUT('/api/candidat/adresse', {
      params: { header: { 'If-Match': etag } },
      body: { pays: 'FR', ligne1: '2 rue Jeanne d’Arc', codePostal: '45000', commune: '45234' },
    });
    expect(changed.data).toMatchObject({ ligne1: '2 rue Jeanne d’Arc', version: 2 });

    const dossier = await api.GET('/api/candidat/dossier');
    expect(dossier.data?.manquants.map((m) => m.section)).toEqual(['identite', 'bac']);

    const identite = await api.PUT('/api/candidat/identite', {
      body: { civilite: 'MME', nomNaissance: 'Typé', prenom: 'Client', dateNaissance: '2003-03-14', paysNaissance: 'FR', departementNaissance: '45', communeNaissance: '45234', nationalite: 'FR', ine: '1856816120S' },
    });
    expect(identite.data).toMatchObject({ ine: '1856816120S', avertissements: [] });
    await api.PUT('/api/candidat/bac', { body: { serie: 'GEN', annee: 2021, mention: 'B', specialites: ['MATHS', 'PC'], pays: 'FR', departement: '45', commune: '45234' } });
    expect((await api.GET('/api/candidat/dossier')).data?.complet).toBe(true);

    // The public offer is enough to apply: search it, pick a formation, read its page, apply with its id.
    const offre = await api.GET('/api/offre', { params: { query: { q: 'volcanologie', ouverte: true } } });
    const [formation] = offre.data?.centres.flatMap((c) => c.typesDiplome.flatMap((td) => td.formations)) ?? [];
    expect(formation).toMatchObject({ libelle: 'Master Volcanologie', ouverte: true, id: expect.any(Number) });
    const page = await api.GET('/api/offre/formations/{id}', { params: { path: { id: formation.id } } });
    expect(page.data).toMatchObject({ ...formation, centre: { code: 'CLIENT', libelle: 'UFR Sciences de la Terre' }, contact: { commission: 'Commission CLIENT' } });
    expect(page.data?.pieces.map((p) => p.libelle)).toEqual(['Curriculum vitae']);
    const unknown = await api.GET('/api/offre/formations/{id}', { params: { path: { id: 999999 } } });
    expect(unknown.error).toMatchObject({ status: 404, code: 'FORMATION_INTROUVABLE' });

    const applied = await api.POST('/api/candidat/candidatures', { body: { formationId: formation.id } });
    expect(applied.response.status).toBe(201);
    expect(applied.data?.formation).toMatchObject({ id: formation.id, libelle: 'Master Volcanologie' });
    // The page announced the pièces and the contact the récapitulatif now asks for and gives.
    expect(applied.data?.pieces.map((p) => p.id)).toEqual(page.data?.pieces.map((p) => p.id));
    expect(applied.data?.contact).toEqual(page.data?.contact);

    await api.POST('/api/auth/logout');
    expect((await api.GET('/api/auth/me')).response.status).toBe(401);
  });
});
