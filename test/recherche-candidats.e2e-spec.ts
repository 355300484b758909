import request from 'supertest';
import { Candidature, StatutDossier } from '../src/candidature/entities/candidature.entity';
import { Role } from '../src/common/auth/roles';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { TypeTraitement } from '../src/offre/entities/formation.entity';
import { bearer } from './support/api';
import { parseCsv } from './support/exports';
import { CANDIDAT_PASSWORD, createCampagne, createCandidat } from './support/factories';
import { creerOffre } from './support/offre';
import { candidatComplet, staffConnecte } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';

type Trouve = { numeroDossier: string; email: string; nom: string; prenom: string; ine: string | null; candidatures: number; campagne: number };
type Page = { items: Trouve[]; total: number; plusDe: boolean; page: number; limit: number };

describe('Search of accounts across candidatures (GET /api/candidats) and the campaign of staff lists and exports', () => {
  let t: TestApp;
  let campagne: Campagne;
  let ancienne: Campagne;
  let tokens: Record<'scol' | 'admin' | 'gestOsuc' | 'membre', string>;
  const comptes: Record<string, { numero: string; email: string; ine?: string }> = {};
  const ids: Record<string, number> = {};
  const chercher = (who: keyof typeof tokens, query: string) => request(t.http).get(`/api/candidats${query}`).set(bearer(tokens[who]));
  const trouves = async (who: keyof typeof tokens, query: string) => ((await chercher(who, query).expect(200)).body as Page).items;
  const numeros = async (who: keyof typeof tokens, query: string) => (await trouves(who, query)).map((i) => i.numeroDossier).sort();

  beforeAll(async () => {
    t = await startTestApp({ THROTTLE_IP_PER_MINUTE: '10000' });
    t.clock.set('2026-11-20T10:00:00Z');
    // Last year's campaign, archived, then this year's, in service.
    ancienne = await createCampagne(t, { dateDebut: '2025-01-01', dateFin: '2025-12-31', enService: false });
    campagne = await createCampagne(t);
    tokens = await staffConnecte(t, {
      scol: ['scol.recherche', [Role.SCOL_CENTRALE]],
      admin: ['admin.recherche', [Role.ADMIN]],
      gestOsuc: ['gest.recherche', [Role.GESTIONNAIRE], { centres: ['RCH-OSUC'] }],
      membre: ['membre.recherche', [Role.COMMISSION], { commissions: ['RCH-OSUC-COM'] }],
    });
    const osuc = await creerOffre(t, tokens.scol, { centre: { code: 'RCH-OSUC' } });
    const autre = await creerOffre(t, tokens.scol, { centre: { code: 'RCH-AUTRE' } });
    ids.osuc = await osuc.formation();
    ids.autre = await autre.formation();

    const eloise = await candidatComplet(t, campagne, 'Martin', 'Éloïse');
    comptes.eloise = { numero: eloise.numero, email: eloise.email, ine: eloise.ine };
    for (const [cle, nom, formationId] of [['noe', 'Lefèvre', ids.osuc], ['zoe', 'Zola', ids.autre]] as const) {
      const c = await candidatComplet(t, campagne, nom, cle === 'noe' ? 'Noé' : 'Zoé');
      comptes[cle] = { numero: c.numero, email: c.email, ine: c.ine };
      await request(t.http).post('/api/candidat/candidatures').set(bearer(c.token)).send({ formationId }).expect(201);
    }
    // An account whose identity is not filled yet.
    const vide = await createCandidat(t, campagne);
    comptes.vide = { numero: vide.numeroDossier, email: vide.email };
    // Last year: an account of that campaign with a candidature to OSUC's formation.
    const passe = await createCandidat(t, ancienne);
    comptes.passe = { numero: passe.numeroDossier, email: passe.email };
    const { identifiers } = await t.dataSource.getRepository(Candidature).insert({
      campagneId: ancienne.id,
      compteCandidatId: passe.id,
      formationId: ids.osuc,
      statutDossier: StatutDossier.CO,
      statutDossierAt: t.clock.now(),
      typeTraitement: TypeTraitement.AC,
      createdAt: t.clock.now(),
      nonAnnulee: true,
      numeroDossier: passe.numeroDossier,
      datesArchivees: '{}',
    });
    ids.passe = Number(identifiers[0].id);
  });

  afterAll(() => t.close());

  it('finds an account without candidature by its folded name, its INE, its e-mail and its numéro', async () => {
    const [eloise] = await trouves('scol', '?q=eloise');
    expect(eloise).toEqual({
      numeroDossier: comptes.eloise.numero,
      email: comptes.eloise.email,
      campagne: campagne.id,
      active: true,
      civilite: 'MME',
      nom: 'Martin',
      prenom: 'Éloïse',
      dateNaissance: '2003-03-14',
      ine: comptes.eloise.ine,
      candidatures: 0,
    });
    expect(await numeros('scol', '?q=ÉLOÏSE%20mar')).toEqual([comptes.eloise.numero]);
    expect(await numeros('admin', `?ine=${comptes.eloise.ine!.toLowerCase()}`)).toEqual([comptes.eloise.numero]);
    expect(await numeros('scol', `?email=${encodeURIComponent(comptes.eloise.email.toUpperCase())}`)).toEqual([comptes.eloise.numero]);
    expect(await numeros('scol', `?numero=${comptes.eloise.numero.toLowerCase()}`)).toEqual([comptes.eloise.numero]);
    expect(await numeros('scol', '?q=eloise&avecCandidature=true')).toEqual([]);
    expect(await numeros('scol', '?q=eloise&avecCandidature=false')).toEqual([comptes.eloise.numero]);
    expect(await numeros('scol', '?q=eloize')).toEqual([]);
    // Criteria add up.
    expect(await numeros('scol', `?q=martin&ine=${comptes.noe.ine}`)).toEqual([]);
  });

  it('tells accounts with candidatures from those without, and finds an account before its identity by numéro or e-mail', async () => {
    const avec = await numeros('scol', '?avecCandidature=true');
    expect(avec).toEqual([comptes.noe.numero, comptes.zoe.numero].sort());
    const sans = await numeros('scol', '?avecCandidature=false&limit=200');
    expect(sans).toEqual(expect.arrayContaining([comptes.eloise.numero, comptes.vide.numero]));
    expect(sans).not.toContain(comptes.noe.numero);
    const [noe] = await trouves('scol', `?numero=${comptes.noe.numero}`);
    expect(noe).toMatchObject({ nom: 'Lefèvre', prenom: 'Noé', candidatures: 1 });
    const [vide] = await trouves('scol', `?email=${encodeURIComponent(comptes.vide.email)}`);
    expect(vide).toMatchObject({ numeroDossier: comptes.vide.numero, nom: 'Candidat', civilite: null, ine: null, dateNaissance: null, candidatures: 0 });
    // Before any identity, the name typed when the account was opened finds it (accounts never filled are the ones
    // staff look for when a candidate phones), folded like the rest.
    expect(await numeros('scol', `?q=${encodeURIComponent(`${vide.prenom.toLowerCase()} candidat`)}`)).toEqual([comptes.vide.numero]);
    await request(t.http)
      .post('/api/comptes')
      .send({
        nom: 'Dupré-Léger',
        prenom: 'Anaïs',
        email: 'anais.dupre@example.org',
        emailConfirmation: 'anais.dupre@example.org',
        password: CANDIDAT_PASSWORD,
        passwordConfirmation: CANDIDAT_PASSWORD,
      })
      .expect(202);
    const [anais] = await trouves('scol', '?q=ANAIS%20dupre');
    expect(anais).toMatchObject({ email: 'anais.dupre@example.org', active: false, nom: 'Dupré-Léger', prenom: 'Anaïs', candidatures: 0 });
    expect(await numeros('scol', `?q=leger%20${anais.numeroDossier.toLowerCase()}`)).toEqual([anais.numeroDossier]);
    const page = (await chercher('scol', '?limit=2').expect(200)).body as Page;
    expect(page).toMatchObject({ page: 1, limit: 2, plusDe: false });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(4);
  });

  it('keeps a gestionnaire to the candidates with a candidature in their centres', async () => {
    expect(await numeros('gestOsuc', '')).toEqual([comptes.noe.numero]);
    expect(await numeros('gestOsuc', '?q=eloise')).toEqual([]);
    expect(await numeros('gestOsuc', `?ine=${comptes.zoe.ine}`)).toEqual([]);
    expect(await numeros('gestOsuc', `?email=${encodeURIComponent(comptes.zoe.email)}`)).toEqual([]);
    expect(await numeros('gestOsuc', '?avecCandidature=false')).toEqual([]);
    expect(await numeros('scol', `?ine=${comptes.zoe.ine}`)).toEqual([comptes.zoe.numero]);
    // Last year's candidature in their centre: found in last year's campaign only.
    expect(await numeros('gestOsuc', `?campagne=${ancienne.id}`)).toEqual([comptes.passe.numero]);
    // Commission members read candidatures, they do not search accounts.
    const refus = await chercher('membre', '?q=eloise').expect(403);
    expect(refus.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it("searches the campaign in service by default, another one when named", async () => {
    expect(await numeros('scol', `?numero=${comptes.passe.numero}`)).toEqual([]);
    const [passe] = await trouves('scol', `?numero=${comptes.passe.numero}&campagne=${ancienne.id}`);
    expect(passe).toMatchObject({ numeroDossier: comptes.passe.numero, campagne: ancienne.id, candidatures: 1 });
    expect(await numeros('scol', `?campagne=${ancienne.id}&numero=${comptes.eloise.numero}`)).toEqual([]);
  });

  it("shows last year's candidatures in the staff list and its exports only with `campagne` naming last year", async () => {
    const liste = async (who: keyof typeof tokens, query: string) => ((await request(t.http).get(`/api/candidatures${query}`).set(bearer(tokens[who])).expect(200)).body as { items: { id: number; numeroDossier: string }[] }).items.map((i) => i.numeroDossier).sort();
    const exporte = async (query: string) => parseCsv((await request(t.http).get(`/api/candidatures/export.csv${query}`).set(bearer(tokens.scol)).expect(200)).text.slice(1)).slice(1).map((r) => r[0]).sort();
    for (const who of ['scol', 'gestOsuc'] as const) {
      expect(await liste(who, '')).not.toContain(comptes.passe.numero);
      expect(await liste(who, `?campagne=${ancienne.id}`)).toEqual([comptes.passe.numero]);
    }
    expect(await liste('scol', '')).toEqual([comptes.noe.numero, comptes.zoe.numero].sort());
    expect(await exporte('')).toEqual([comptes.noe.numero, comptes.zoe.numero].sort());
    expect(await exporte(`?campagne=${ancienne.id}`)).toEqual([comptes.passe.numero]);
    const xlsx = await request(t.http).get(`/api/candidatures/export.xlsx?campagne=${ancienne.id}&colonnes=numeroDossier`).set(bearer(tokens.scol)).expect(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('answers 400 to bad criteria', async () => {
    for (const bad of ['?avecCandidature=peut-etre', `?ine=${'1'.repeat(12)}`, '?numero=T000000042', '?limit=201', '?page=0', '?campagne=abc', '?nom=martin', `?q=${'a'.repeat(101)}`]) {
      const res = await chercher('scol', bad).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toEqual(expect.any(String));
    }
  });
});
