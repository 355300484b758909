import request from 'supertest';
import { CompteCandidat } from '../src/auth/entities/compte-candidat.entity';
import { api } from './support/api';
import { createCampagne } from './support/factories';
import { candidatComplet } from './support/parcours';
import { TestApp, startTestApp } from './support/test-app';

/** No input answers 500: too deep bodies, loose ids, control characters in names are 400 problems, and change nothing. */
describe('Hostile input', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    ({ token } = await candidatComplet(t, await createCampagne(t)));
  });
  afterAll(() => t.close());

  const expect400 = (res: request.Response) => {
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'REQUETE_INVALIDE' });
  };
  /** 3,000 levels (18 KB): class-transformer would overflow its stack. */
  const deep = (field: string) => `{"${field}":${'{"a":'.repeat(3000)}1${'}'.repeat(3001)}`;

  it('a 3,000-deep body on an anonymous route is a 400, and creates no account', async () => {
    const avant = await t.dataSource.getRepository(CompteCandidat).count();
    const res = await request(t.http).post('/api/comptes').set('Content-Type', 'application/json').send(deep('nom'));
    expect400(res);
    expect(res.body.detail).toMatch(/imbriqué trop profondément/);
    expect(await t.dataSource.getRepository(CompteCandidat).count()).toBe(avant);
  });

  it('a 3,000-deep body on an authenticated route is a 400, and changes nothing', async () => {
    const avant = (await api(t, token).get('candidat/dossier').expect(200)).body.adresse;
    expect400(await request(t.http).put('/api/candidat/adresse').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send(deep('ligne1')));
    expect((await api(t, token).get('candidat/dossier').expect(200)).body.adresse).toEqual(avant);
  });

  it.each(['0x1', '%201', '1e0', '1.0', 'true', '-1', '99999999999'])('the id %s in a path is a 400', async (id) => {
    expect400(await api(t, token).get(`candidat/candidatures/${id}`));
    expect400(await api(t, token).get(`candidat/candidatures/1/pieces/${id}/fichier`));
  });

  it('numbers are not coerced from booleans or hex strings', async () => {
    expect400(await api(t, token).post('candidat/candidatures', { formationId: true }));
    expect400(await api(t, token).post('candidat/candidatures', { formationId: '0x1' }));
    expect400(await api(t, token).put('candidat/bac', { serie: 'GEN', annee: '0x7E7', pays: 'FR', departement: '45', commune: '45234' }));
    expect400(await api(t).get('referentiels/communes?limit=0x10'));
    expect400(await api(t).get('referentiels/communes?limit=true'));
  });

  it.each(['Mar\u0000tin', 'Mar\r\ntin', '   '])('the name %j is a 400, on the account and in the file', async (nom) => {
    const compte = { nom, prenom: 'Élise', email: 'hostile@example.org', emailConfirmation: 'hostile@example.org', password: 'une phrase de passe toute simple', passwordConfirmation: 'une phrase de passe toute simple' };
    expect400(await api(t).post('comptes', compte));
    expect400(await api(t, token).put('candidat/identite', { civilite: 'MME', nomNaissance: nom, prenom: 'Élise', dateNaissance: '2003-03-14', paysNaissance: 'FR', nationalite: 'FR' }));
  });
});
