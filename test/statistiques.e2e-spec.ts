import request from 'supertest';
import { In } from 'typeorm';
import { Avis, TypeAvis } from '../src/candidature/entities/avis.entity';
import { Candidature, StatutDossier } from '../src/candidature/entities/candidature.entity';
import { reporterAvisCourant } from '../src/candidature/liste-candidature-colonnes';
import { Role } from '../src/common/auth/roles';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { Formation, TypeTraitement } from '../src/offre/entities/formation.entity';
import { bearer } from './support/api';
import { binary, workbook } from './support/exports';
import { createCampagne } from './support/factories';
import { ADRESSE_COMMISSION, creerOffre, datesOuvertes } from './support/offre';
import { candidatComplet, staffConnecte } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';

/** The figures of a line, as the API answers them. */
interface Chiffres {
  capacite: number | null;
  candidatures: number;
  annulees: number;
  statutsDossier: Record<StatutDossier, number>;
  typesTraitement: Record<TypeTraitement, number>;
  avis: { saisis: number; valides: number; publies: number; parType: Record<TypeAvis, number> };
  confirmees: number;
  desistees: number;
  listeComplementaire: number;
}
type Ligne = Chiffres & { centre: { code: string }; commission: { code: string } | null; formation: { id: number; code: string } | null };
interface Statistiques {
  campagne: { id: number; code: string };
  niveau: string;
  lignes: Ligne[];
  total: Chiffres;
}

const NOW = '2026-11-20T10:00:00Z';
const compter = <K extends string>(cles: K[], valeurs: K[]) => Object.fromEntries(cles.map((k) => [k, valeurs.filter((v) => v === k).length])) as Record<K, number>;

describe('Statistics of a campaign by centre, commission and formation, as JSON and XLSX, within the caller’s scope', () => {
  let t: TestApp;
  let campagne: Campagne;
  let ancienne: Campagne;
  const tokens: Record<string, string> = {};
  const f: Record<string, number> = {};
  const get = (who: string, query = '') => request(t.http).get(`/api/statistiques${query}`).set(bearer(tokens[who]));
  const stats = async (who: string, query = '') => (await get(who, query).expect(200)).body as Statistiques;

  /**
   * The expected figures of these formations, computed here from the rows themselves: each candidature's current avis
   * is read from the avis history (the latest row), never from the copies the list and the statistics read.
   */
  async function attendu(formations: number[], campagneId = campagne.id): Promise<Chiffres> {
    const rows = await t.dataSource.getRepository(Candidature).findBy({ campagneId, formationId: In(formations) });
    const vivantes = rows.filter((c) => c.nonAnnulee !== null);
    const historiques = await t.dataSource.getRepository(Avis).findBy({ candidatureId: In(rows.length ? rows.map((c) => c.id) : [0]) });
    const courant = (c: Candidature) => historiques.filter((a) => a.candidatureId === c.id).sort((a, b) => b.id - a.id)[0];
    const avis = vivantes.map(courant).filter((a): a is Avis => a !== undefined);
    const capacites = (await t.dataSource.getRepository(Formation).findBy({ id: In(formations) })).map((x) => x.capacite).filter((x): x is number => x !== null);
    return {
      capacite: capacites.length ? capacites.reduce((a, b) => a + b, 0) : null,
      candidatures: vivantes.length,
      annulees: rows.length - vivantes.length,
      statutsDossier: compter(Object.values(StatutDossier), vivantes.map((c) => c.statutDossier)),
      typesTraitement: compter(Object.values(TypeTraitement), vivantes.map((c) => c.typeTraitement)),
      avis: {
        saisis: avis.length,
        valides: avis.filter((a) => a.valide).length,
        publies: avis.filter((a) => a.valide && a.publieAt !== null).length,
        parType: compter(Object.values(TypeAvis), avis.map((a) => a.type)),
      },
      confirmees: vivantes.filter((c) => c.acceptee === true).length,
      desistees: vivantes.filter((c) => c.acceptee === false).length,
      listeComplementaire: vivantes.filter((c) => c.rangListeComplementaire !== null).length,
    };
  }

  const chiffres = ({ centre: _c, commission: _m, formation: _f, ...reste }: Ligne): Chiffres => reste;

  beforeAll(async () => {
    t = await startTestApp({ THROTTLE_IP_PER_MINUTE: '10000' });
    t.clock.set(NOW);
    ancienne = await createCampagne(t, { enService: false, dateDebut: '2025-01-01', dateFin: '2025-12-31' });
    campagne = await createCampagne(t);
    Object.assign(
      tokens,
      await staffConnecte(t, {
        scol: ['scol.stats', [Role.SCOL_CENTRALE]],
        admin: ['admin.stats', [Role.ADMIN]],
        gestOsuc: ['gest.stats.osuc', [Role.GESTIONNAIRE], { centres: ['OSUC'] }],
        gestAutre: ['gest.stats.autre', [Role.GESTIONNAIRE], { centres: ['AUTRE'] }],
        membreBis: ['membre.stats.bis', [Role.COMMISSION], { commissions: ['OSUC-BIS'] }],
        sansPerimetre: ['gest.stats.aucun', [Role.GESTIONNAIRE]],
      }),
    );
    const osuc = await creerOffre(t, tokens.scol, { centre: { code: 'OSUC', libelle: 'OSUC' }, commission: { code: 'OSUC-SCOL', libelle: 'OSUC - SCOLARITE', alerte: false, email: undefined } });
    const autre = await creerOffre(t, tokens.scol, { centre: { code: 'AUTRE', libelle: 'Autre centre' }, commission: { code: 'AUTRE-COM', libelle: 'Autre commission', alerte: false, email: undefined } });
    f.geo = await osuc.formation({ code: 'M1-GEO', capacite: 30 });
    f.bio = await osuc.formation({ code: 'M2-BIO', typeTraitement: 'AT', capacite: 12 });
    f.droit = await autre.formation({ code: 'M1-DROIT', capacite: 20 });
    f.vide = await autre.formation({ code: 'M1-VIDE', capacite: 5 });
    // A second commission of OSUC, its formation without capacity.
    const bis = (
      await request(t.http)
        .post('/api/offre/gestion/commissions')
        .set(bearer(tokens.scol))
        .send({ centreId: osuc.centreId, code: 'OSUC-BIS', libelle: 'OSUC - BIS', adresse: ADRESSE_COMMISSION, alerte: false })
        .expect(201)
    ).body.id as number;
    f.phys = (
      await request(t.http)
        .post('/api/offre/gestion/formations')
        .set(bearer(tokens.scol))
        .send({ commissionId: bis, code: 'M1-PHYS', libelle: 'Master M1-PHYS', typeDiplome: 'MAS', typeTraitement: 'AD', demat: true, ...datesOuvertes(t) })
        .expect(201)
    ).body.id as number;

    // Eight candidates, thirteen candidatures; one cancelled.
    const voeux: Record<string, string[]> = {
      c1: ['geo', 'bio'],
      c2: ['geo', 'phys'],
      c3: ['geo', 'droit'],
      c4: ['bio', 'droit'],
      c5: ['geo'],
      c6: ['phys', 'droit'],
      c7: ['geo'],
      c8: ['droit'],
    };
    const c: Record<string, number> = {};
    const comptes: Record<string, number> = {};
    for (const [cle, formations] of Object.entries(voeux)) {
      const candidat = await candidatComplet(t, campagne, `Nom${cle}`, 'Camille');
      comptes[cle] = candidat.compteId;
      tokens[cle] = candidat.token;
      for (const formation of formations) {
        t.clock.advance({ minutes: 1 });
        c[`${cle}${formation}`] = (await request(t.http).post('/api/candidat/candidatures').set(bearer(candidat.token)).send({ formationId: f[formation] }).expect(201)).body.id;
      }
    }
    await request(t.http).post(`/api/candidat/candidatures/${c.c7geo}/annulation`).set(bearer(tokens.c7)).expect(200);

    // What staff processing writes, set directly: statuts, a type de traitement, answers, ranks, avis histories.
    const maj = (id: number, champs: Partial<Candidature>) => t.dataSource.getRepository(Candidature).update({ id }, champs);
    for (const id of [c.c1geo, c.c2geo, c.c5geo, c.c6droit]) await maj(id, { statutDossier: StatutDossier.CO });
    for (const id of [c.c3geo, c.c8droit]) await maj(id, { statutDossier: StatutDossier.IN });
    await maj(c.c4bio, { statutDossier: StatutDossier.RE });
    await maj(c.c4droit, { typeTraitement: TypeTraitement.AT });
    await maj(c.c2phys, { typeTraitement: TypeTraitement.AD, typeTraitementValide: true });
    await maj(c.c1geo, { acceptee: true });
    await maj(c.c6droit, { acceptee: false });
    await maj(c.c2geo, { rangListeComplementaire: 1 });
    await maj(c.c8droit, { rangListeComplementaire: 1 });
    await maj(c.c4droit, { rangListeComplementaire: 2 });
    const avis = async (candidatureId: number, type: TypeAvis, etat: 'saisi' | 'valide' | 'publie') => {
      t.clock.advance({ minutes: 1 });
      const now = t.clock.now();
      await t.dataSource.getRepository(Avis).insert({
        candidatureId,
        type,
        creePar: 'gest.stats.osuc',
        createdAt: now,
        commentaireVisible: false,
        valide: etat !== 'saisi',
        valideAt: etat === 'saisi' ? null : now,
        publieAt: etat === 'publie' ? now : null,
        rang: type === TypeAvis.LC ? 1 : null,
      });
      await reporterAvisCourant(t.dataSource.manager, [candidatureId]);
    };
    await avis(c.c1geo, TypeAvis.FA, 'publie');
    await avis(c.c2geo, TypeAvis.LC, 'publie');
    await avis(c.c3geo, TypeAvis.DE, 'saisi');
    // Validated, waiting for the formation's publication date.
    await avis(c.c5geo, TypeAvis.FA, 'valide');
    await avis(c.c6droit, TypeAvis.FA, 'publie');
    // A validated avis waiting for publication, then a newer one not validated: the current avis is the newer.
    await avis(c.c1bio, TypeAvis.FA, 'valide');
    await avis(c.c1bio, TypeAvis.DE, 'saisi');
    await avis(c.c2phys, TypeAvis.LA, 'publie');
    await avis(c.c8droit, TypeAvis.LC, 'publie');
    await avis(c.c4droit, TypeAvis.LC, 'publie');

    // Last campaign's candidature, to M1-DROIT: counted with last campaign only.
    await t.dataSource.getRepository(Candidature).insert({
      campagneId: ancienne.id,
      compteCandidatId: comptes.c5,
      formationId: f.droit,
      statutDossier: StatutDossier.CO,
      statutDossierAt: t.clock.now(),
      typeTraitement: TypeTraitement.AC,
      createdAt: t.clock.now(),
      acceptee: true,
    });
  });

  afterAll(() => t.close());

  it('counts every formation as the rows say, and sums them by commission and by centre', async () => {
    const parFormation = await stats('scol', '?niveau=formation');
    expect(parFormation.campagne).toMatchObject({ id: campagne.id, code: campagne.code });
    expect(parFormation.lignes.map((l) => [l.centre.code, l.commission?.code, l.formation?.code])).toEqual([
      ['AUTRE', 'AUTRE-COM', 'M1-DROIT'],
      ['AUTRE', 'AUTRE-COM', 'M1-VIDE'],
      ['OSUC', 'OSUC-BIS', 'M1-PHYS'],
      ['OSUC', 'OSUC-SCOL', 'M1-GEO'],
      ['OSUC', 'OSUC-SCOL', 'M2-BIO'],
    ]);
    for (const ligne of parFormation.lignes) expect([ligne.formation!.code, chiffres(ligne)]).toEqual([ligne.formation!.code, await attendu([ligne.formation!.id])]);

    const tout = [f.geo, f.bio, f.phys, f.droit, f.vide];
    expect(parFormation.total).toEqual(await attendu(tout));
    // The plan of the seed, as a check on the independent count itself.
    expect(parFormation.total).toMatchObject({
      capacite: 67,
      candidatures: 12,
      annulees: 1,
      statutsDossier: { AT: 5, RE: 1, IN: 2, CO: 4 },
      typesTraitement: { AC: 7, AD: 1, AT: 4 },
      avis: { saisis: 9, valides: 7, publies: 6, parType: { FA: 3, DE: 2, LC: 3, LA: 1, PR: 0 } },
      confirmees: 1,
      desistees: 1,
      listeComplementaire: 3,
    });
    expect(parFormation.lignes.find((l) => l.formation?.code === 'M1-VIDE')).toMatchObject({ capacite: 5, candidatures: 0, annulees: 0 });
    expect(parFormation.lignes.find((l) => l.formation?.code === 'M1-PHYS')).toMatchObject({ capacite: null, candidatures: 2 });

    const parCommission = await stats('scol', '?niveau=commission');
    expect(parCommission.lignes.map((l) => [l.centre.code, l.commission?.code, l.formation])).toEqual([
      ['AUTRE', 'AUTRE-COM', null],
      ['OSUC', 'OSUC-BIS', null],
      ['OSUC', 'OSUC-SCOL', null],
    ]);
    expect(parCommission.lignes.map(chiffres)).toEqual([await attendu([f.droit, f.vide]), await attendu([f.phys]), await attendu([f.geo, f.bio])]);

    const parCentre = await stats('admin');
    expect(parCentre.niveau).toBe('centre');
    expect(parCentre.lignes.map((l) => [l.centre.code, l.commission, l.formation])).toEqual([
      ['AUTRE', null, null],
      ['OSUC', null, null],
    ]);
    expect(parCentre.lignes.map(chiffres)).toEqual([await attendu([f.droit, f.vide]), await attendu([f.geo, f.bio, f.phys])]);
    expect(parCentre.total).toEqual(parFormation.total);
  });

  it('counts the campaign asked only', async () => {
    const passee = await stats('scol', `?campagne=${ancienne.id}&niveau=formation`);
    expect(passee.campagne.id).toBe(ancienne.id);
    expect(passee.total).toEqual(await attendu([f.geo, f.bio, f.phys, f.droit, f.vide], ancienne.id));
    expect(passee.total).toMatchObject({ candidatures: 1, confirmees: 1, statutsDossier: { CO: 1 } });
    expect(passee.lignes.find((l) => l.formation?.code === 'M1-DROIT')).toMatchObject({ candidatures: 1 });
    expect((await stats('scol', `?campagne=${campagne.id}`)).total.candidatures).toBe(12);
  });

  it('shows a gestionnaire their centres only, a commission member their commissions only', async () => {
    const osuc = await stats('gestOsuc', '?niveau=formation');
    expect(osuc.lignes.map((l) => l.formation?.code)).toEqual(['M1-PHYS', 'M1-GEO', 'M2-BIO']);
    expect(osuc.total).toEqual(await attendu([f.geo, f.bio, f.phys]));
    expect((await stats('gestAutre')).lignes.map((l) => [l.centre.code, chiffres(l)])).toEqual([['AUTRE', await attendu([f.droit, f.vide])]]);
    expect((await stats('gestAutre')).total).toEqual(await attendu([f.droit, f.vide]));
    const bis = await stats('membreBis', '?niveau=commission');
    expect(bis.lignes.map((l) => l.commission?.code)).toEqual(['OSUC-BIS']);
    expect(bis.total).toEqual(await attendu([f.phys]));
    // A filter outside the scope narrows to nothing, never widens.
    expect((await stats('gestOsuc', '?centre=AUTRE')).lignes).toEqual([]);
    expect((await stats('gestOsuc', '?centre=AUTRE')).total.candidatures).toBe(0);
    expect((await stats('sansPerimetre')).lignes).toEqual([]);
    // Within the scope, a filter narrows.
    expect((await stats('gestOsuc', '?commission=osuc-scol&niveau=formation')).lignes.map((l) => l.formation?.code)).toEqual(['M1-GEO', 'M2-BIO']);
    await get('c1').expect(403);
  });

  it('refuses an unknown campaign or level with a French problem', async () => {
    const inconnue = await get('scol', '?campagne=999999').expect(404);
    expect(inconnue.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(inconnue.body).toMatchObject({ code: 'CAMPAGNE_INTROUVABLE', detail: expect.stringMatching(/campagne 999999/) });
    for (const mauvais of ['?niveau=pays', '?campagne=zero', '?campagne=0', '?inconnu=1']) {
      const res = await get('scol', mauvais).expect(400);
      expect(res.body.detail).toEqual(expect.any(String));
    }
    await request(t.http).get('/api/statistiques/export.xlsx?niveau=pays').set(bearer(tokens.scol)).expect(400);
  });

  it('downloads the same figures as a workbook, the total last, within the scope', async () => {
    const json = await stats('scol', '?niveau=commission');
    const x = await request(t.http).get('/api/statistiques/export.xlsx?niveau=commission').set(bearer(tokens.scol)).buffer(true).parse(binary).expect(200);
    expect(x.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(x.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="statistiques-${campagne.code}-commission-2026-11-20\\.xlsx"`));
    const sheet = (await workbook(x.body as Buffer)).getWorksheet('Statistiques')!;
    const cells: unknown[][] = [];
    sheet.eachRow((row) => cells.push((row.values as unknown[]).slice(1)));
    const entetes = cells[0] as string[];
    expect(entetes.slice(0, 6)).toEqual(['Code centre', 'Centre de candidature', 'Code commission', 'Commission', 'Capacité', 'Candidatures']);
    const col = (nom: string) => {
      expect(entetes).toContain(nom);
      return entetes.indexOf(nom);
    };
    expect(cells).toHaveLength(json.lignes.length + 2);
    expect(cells.slice(1, -1).map((r) => [r[col('Code commission')], r[col('Candidatures')], r[col('Avis publiés')], r[col('Dossier : Complet')], r[col('Sur liste complémentaire')]])).toEqual(
      json.lignes.map((l) => [l.commission!.code, l.candidatures, l.avis.publies, l.statutsDossier.CO, l.listeComplementaire]),
    );
    const total = cells[cells.length - 1];
    expect([total[0], total[col('Capacité')], total[col('Candidatures')], total[col('Annulées')], total[col('Avis validés')], total[col('Confirmées')], total[col('Désistées')]]).toEqual([
      'Total',
      json.total.capacite,
      json.total.candidatures,
      json.total.annulees,
      json.total.avis.valides,
      json.total.confirmees,
      json.total.desistees,
    ]);

    const gest = await request(t.http).get('/api/statistiques/export.xlsx').set(bearer(tokens.gestAutre)).buffer(true).parse(binary).expect(200);
    const feuille = (await workbook(gest.body as Buffer)).getWorksheet('Statistiques')!;
    const lignes: unknown[][] = [];
    feuille.eachRow((row) => lignes.push((row.values as unknown[]).slice(1)));
    expect(lignes.slice(1).map((r) => r[0])).toEqual(['AUTRE', 'Total']);
    expect(lignes[2][3]).toBe((await attendu([f.droit, f.vide])).candidatures);
  });
});
