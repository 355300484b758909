import request from 'supertest';
import { Candidat } from '../src/candidat/entities/candidat.entity';
import { beaKey, nneKey } from '../src/candidat/ine/ine';
import { Role } from '../src/common/auth/roles';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { CANDIDAT_PASSWORD, STAFF_PASSWORD, createCampagne, createCandidat, createStaff } from './support/factories';
import { bearer } from './support/api';
import { TestApp, startTestApp } from './support/test-app';

const identite = (extra: Record<string, unknown> = {}) => ({
  civilite: 'MME',
  nomNaissance: 'Martin',
  prenom: 'Élise',
  dateNaissance: '2005-03-14',
  paysNaissance: 'FR',
  departementNaissance: '45',
  communeNaissance: '45234',
  nationalite: 'FR',
  telephonePortable: '06 12 34 56 78',
  ...extra,
});
const adresse = { pays: 'FR', ligne1: '12 rue de Bourgogne', codePostal: '45000', commune: '45234' };
const bac = { serie: 'GEN', annee: 2023, mention: 'B', specialites: ['MATHS', 'PC'], pays: 'FR', departement: '45', commune: '45234' };

describe("The candidate's file: identity, address, bac, completeness, versions", () => {
  let t: TestApp;
  let token = '';
  let other = '';
  let numero = '';
  let campagne: Campagne;
  const login = async (loginName: string, password = CANDIDAT_PASSWORD) =>
    (await request(t.http).post('/api/auth/login').send({ login: loginName, password }).expect(200)).body.token as string;

  beforeAll(async () => {
    t = await startTestApp();
    campagne = await createCampagne(t);
    numero = (await createCandidat(t, campagne)).numeroDossier;
    token = await login(numero);
    other = await login((await createCandidat(t, campagne)).numeroDossier);
  });
  afterAll(() => t.close());

  const get = (path: string, tk = token) => request(t.http).get(`/api/candidat/${path}`).set(bearer(tk));
  const put = (path: string, body: object, version?: number, tk = token) => {
    const req = request(t.http).put(`/api/candidat/${path}`).set(bearer(tk));
    return (version === undefined ? req : req.set('If-Match', `"${version}"`)).send(body);
  };
  const manquants = async () => (await get('dossier').expect(200)).body.manquants.map((m: { section: string }) => m.section);

  it('fills every section from empty to complete, the completeness block emptying step by step', async () => {
    const empty = (await get('dossier').expect(200)).body;
    expect(empty).toMatchObject({ numeroDossier: numero, identite: null, adresse: null, bac: null, complet: false });
    expect(empty.manquants.map((m: { libelle: string }) => m.libelle)).toEqual([
      'Renseignez vos informations personnelles.',
      'Renseignez votre adresse.',
      'Renseignez votre baccalauréat ou son équivalent.',
    ]);
    await get('identite').expect(404);

    const saved = await put('identite', identite()).expect(200);
    expect(saved.headers.etag).toBe('"1"');
    expect(saved.body).toMatchObject({ nomNaissance: 'Martin', communeNaissance: '45234', version: 1, importe: false });
    expect(await manquants()).toEqual(['adresse', 'bac']);
    await put('adresse', adresse).expect(200);
    expect(await manquants()).toEqual(['bac']);
    await put('bac', bac).expect(200);
    // A French national with a French bac of 2023: the INE is still missing.
    const ineMissing = (await get('dossier').expect(200)).body.manquants;
    expect(ineMissing).toEqual([{ section: 'identite', libelle: expect.stringMatching(/^Renseignez votre INE/) }]);

    const ine = `1234567890`;
    const withIne = await put('identite', identite({ ine: `${ine.slice(0, 5)} ${ine.slice(5)}-${nneKey(ine).toLowerCase()}` }), 1).expect(200);
    expect(withIne.body).toMatchObject({ ine: `${ine}${nneKey(ine)}`, version: 2 });
    expect(withIne.headers.etag).toBe('"2"');
    const full = (await get('dossier').expect(200)).body;
    expect(full).toMatchObject({ complet: true, manquants: [], adresse: { commune: '45234', version: 1 }, bac: { specialites: ['MATHS', 'PC'] } });
    expect(full.cursus).toEqual({ cursusExterne: [], stages: [], experiencesPro: [] });
  });

  it.each([
    ['adresse', 'commune', { ...adresse, commune: '45232' }, /ne correspond pas au code postal 45000/],
    ['bac', 'serie', { ...bac, serie: 'S' }, /n'existait pas au bac 2023/],
    ['identite', 'dateNaissance', identite({ dateNaissance: `${new Date().getFullYear() - 5}-01-01` }), /de 10 à 100 ans/],
    ['identite', 'nomNaissance', identite({ nomNaissance: '  ' }), /obligatoire/],
    ['identite', 'villeNaissance', identite({ paysNaissance: 'BE', villeNaissance: undefined }), /obligatoire/],
    ['bac', 'specialites', { ...bac, specialites: ['MATHS'] }, /2 spécialités/],
    ['identite', 'ine', identite({ ine: '1234567890A' }), /clé/],
  ])('refuses a bad %s naming %s, and changes nothing', async (section, field, body, message) => {
    const before = (await get(section).expect(200)).body;
    const res = await put(section, body, before.version).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const error = res.body.errors.find((e: { field: string }) => e.field === field);
    expect(error?.message).toMatch(message);
    expect((await get(section).expect(200)).body).toEqual(before);
  });

  it('a stale If-Match gets 412, a missing one 428, and the stored data is unchanged', async () => {
    const current = (await get('adresse').expect(200)).body;
    await put('adresse', { ...adresse, ligne1: '1 place du Martroi' }, current.version).expect(200);
    const stale = await put('adresse', { ...adresse, ligne1: 'écrasement' }, current.version).expect(412);
    expect(stale.body.code).toBe('VERSION_PERIMEE');
    expect((await put('adresse', { ...adresse, ligne1: 'écrasement' }).expect(428)).body.code).toBe('IF_MATCH_REQUIS');
    await put('adresse', adresse, current.version).set('If-Match', 'n importe quoi').expect(400);
    expect((await get('adresse').expect(200)).body).toMatchObject({ ligne1: '1 place du Martroi', version: current.version + 1 });
  });

  it('of two concurrent changes from the same version, one wins and the other gets 412', async () => {
    const { version } = (await get('adresse').expect(200)).body;
    const answers = await Promise.all(['A', 'B', 'C'].map((l) => put('adresse', { ...adresse, ligne1: `rue ${l}` }, version)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412, 412]);
    expect((await get('adresse').expect(200)).body.version).toBe(version + 1);
  });

  it('refuses an INE already in another file of the campaign; accepts the BEA and INES forms', async () => {
    const mine = (await get('identite').expect(200)).body;
    const taken = await put('identite', identite({ ine: mine.ine }), undefined, other).expect(409);
    expect(taken.body.code).toBe('INE_DEJA_UTILISE');
    const bea = `0123456789${beaKey('0123456789')}`;
    // The letter O typed for the digit 0: the answer says which INE was meant.
    const typo = await put('identite', identite({ ine: `O${bea.slice(1)}` }), undefined, other).expect(400);
    expect(typo.body.errors).toEqual([{ field: 'ine', message: expect.stringContaining(`Vouliez-vous saisir ${bea}`) }]);
    expect((await put('identite', identite({ ine: bea }), undefined, other).expect(200)).body.ine).toBe(bea);
    expect((await put('identite', identite({ ine: '123456789ab' }), 1, other).expect(200)).body.ine).toBe('123456789AB');
  });

  it('saves an INE only the INES form accepts as typed, with a warning naming the reading a key confirms (185681612OS: 1856816120S)', async () => {
    const compte = await createCandidat(t, campagne);
    const tk = await login(compte.numeroDossier);
    const saved = await put('identite', identite({ ine: '185 681 612 os' }), undefined, tk).expect(200);
    expect(saved.body).toMatchObject({ ine: '185681612OS', version: 1 });
    expect(saved.body.avertissements).toEqual([
      {
        code: 'INE_LECTURE_ALTERNATIVE',
        field: 'ine',
        message:
          'Vouliez-vous saisir 1856816120S (le chiffre 0 au lieu de la lettre O en 10e position) ? La lettre O et le chiffre 0 se confondent facilement. ' +
          "L'INE 185681612OS est accepté tel que saisi : vérifiez-le sur votre relevé de notes et corrigez-le s'il le faut.",
        suggestion: '1856816120S',
      },
    ]);
    expect(await t.dataSource.getRepository(Candidat).findOneByOrFail({ compteCandidatId: compte.id })).toMatchObject({ ine: '185681612OS' });
    // The warning belongs to the answer of the change, not to the stored identity.
    expect((await get('identite', tk).expect(200)).body).not.toHaveProperty('avertissements');

    // The candidate takes the suggestion: a BEA its key confirms, nothing more to say.
    const corrected = await put('identite', identite({ ine: saved.body.avertissements[0].suggestion }), 1, tk).expect(200);
    expect(corrected.body).toMatchObject({ ine: '1856816120S', version: 2, avertissements: [] });
    const ines = await put('identite', identite({ ine: '987654321AB' }), 2, tk).expect(200);
    expect(ines.body.avertissements).toEqual([]);
  });

  it("never lets a candidate read or write another candidate's file", async () => {
    const mine = (await get('dossier').expect(200)).body;
    const theirs = (await get('dossier', other).expect(200)).body;
    expect(theirs.numeroDossier).not.toBe(mine.numeroDossier);
    expect(theirs.adresse).toBeNull();
    // Every section route acts on the caller's own file only: writing one's own never touches the other's.
    await put('adresse', { ...adresse, ligne1: 'chez moi' }, undefined, other).expect(200);
    expect((await get('adresse').expect(200)).body.ligne1).not.toBe('chez moi');
    await request(t.http).get(`/api/candidats/${numero}/dossier`).set(bearer(other)).expect(403);
  });

  it('lets scol-centrale and admin read a file; gestionnaires need a candidature in their scope', async () => {
    for (const role of [Role.SCOL_CENTRALE, Role.ADMIN, Role.GESTIONNAIRE]) await createStaff(t, [role], `${role}.dossier`);
    const staff = async (role: Role) =>
      (await request(t.http).post('/api/auth/login').send({ login: `${role}.dossier`, password: STAFF_PASSWORD }).expect(200)).body.token as string;
    const read = await request(t.http).get(`/api/candidats/${numero.toLowerCase()}/dossier`).set(bearer(await staff(Role.SCOL_CENTRALE))).expect(200);
    expect(read.body).toMatchObject({ numeroDossier: numero, complet: true });
    await request(t.http).get(`/api/candidats/${numero}/dossier`).set(bearer(await staff(Role.ADMIN))).expect(200);
    // Without a candidature in their scope, a gestionnaire is told no such file exists (candidature.e2e-spec has the rest).
    await request(t.http).get(`/api/candidats/${numero}/dossier`).set(bearer(await staff(Role.GESTIONNAIRE))).expect(404);
    await request(t.http).get('/api/candidats/ZZZZZZZZ/dossier').set(bearer(await staff(Role.ADMIN))).expect(404);
    await get('dossier', await staff(Role.ADMIN)).expect(403);
  });

  it('exports everything held about the candidate for a right-of-access request, secrets excepted', async () => {
    const res = await request(t.http).get('/api/comptes/moi/donnees').set(bearer(token)).expect(200);
    expect(res.body.compte).toMatchObject({ numeroDossier: numero, active: true, casLogin: null });
    expect(res.body.dossier).toMatchObject({ numeroDossier: numero, identite: { nomNaissance: 'Martin' }, complet: true });
    expect(res.body.sessions.length).toBeGreaterThanOrEqual(1);
    expect(res.body.scolarite).toBeNull();
    expect(res.text).not.toMatch(/hash|password|token/i);
    await request(t.http).get('/api/comptes/moi/donnees').set(bearer(other)).expect(200).expect((r) => expect(r.body.compte.numeroDossier).not.toBe(numero));
  });

  it('locks an identity imported from the student records', async () => {
    const compte = (await t.dataSource.query('SELECT id FROM compte_candidat WHERE numero_dossier = ?', [numero]))[0].id;
    await t.dataSource.getRepository(Candidat).update({ compteCandidatId: Number(compte) }, { importe: true });
    const { version } = (await get('identite').expect(200)).body;
    expect((await put('identite', identite({ prenom: 'Autre' }), version).expect(422)).body.code).toBe('DONNEES_IMPORTEES');
    // Phones and language stay the candidate's to change.
    const coordonnees = await put('identite/coordonnees', { telephonePortable: '07 00 00 00 01', langue: 'en' }, version).expect(200);
    expect(coordonnees.body).toMatchObject({ prenom: 'Élise', telephonePortable: '07 00 00 00 01', langue: 'en', importe: true, version: version + 1 });
    expect(coordonnees.headers.etag).toBe(`"${version + 1}"`);
    await put('identite/coordonnees', { telephone: '02 00 00 00 00' }, version).expect(412);
  });
});

describe('The cursus interne of a former student who types their INE (student records: file)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ STUDENT_RECORDS_ADAPTER: 'file', STUDENT_RECORDS_FILE: 'config/demo/etudiants.json' });
  });
  afterAll(() => t.close());

  const candidat = async () => {
    const compte = await createCandidat(t, await createCampagne(t));
    return (await request(t.http).post('/api/auth/login').send({ login: compte.numeroDossier, password: CANDIDAT_PASSWORD }).expect(200)).body.token as string;
  };
  // Élise Martin of config/demo/etudiants.json, as she types herself.
  const elise = identite({ nomNaissance: 'Martin', prenom: 'Élise', dateNaissance: '2004-03-17', ine: '1234567890V' });

  it('shows the cursus interne when the record of that INE is the candidate (birth date and birth name)', async () => {
    const token = await candidat();
    await request(t.http).put('/api/candidat/identite').set('Authorization', `Bearer ${token}`).send(elise).expect(200);
    const dossier = (await request(t.http).get('/api/candidat/dossier').set('Authorization', `Bearer ${token}`).expect(200)).body;
    expect(dossier.cursusInterne.map((c: { codeFormation: string }) => c.codeFormation)).toEqual(['L1INFO', 'L2INFO', 'L3INFO', 'M1MIAGE']);
  });

  it("shows nothing to someone typing a student's INE with another identity", async () => {
    const token = await candidat();
    await request(t.http)
      .put('/api/candidat/identite')
      .set('Authorization', `Bearer ${token}`)
      .send({ ...elise, dateNaissance: '2004-03-18' })
      .expect(200);
    const dossier = (await request(t.http).get('/api/candidat/dossier').set('Authorization', `Bearer ${token}`).expect(200)).body;
    expect(dossier.cursusInterne).toEqual([]);
    await request(t.http).get('/api/comptes/moi/scolarite').set('Authorization', `Bearer ${token}`).expect(404);
  });
});
