import request from 'supertest';
import { nneKey } from '../../src/candidat/ine/ine';
import { Campagne } from '../../src/offre/entities/campagne.entity';
import { Role, Scopes } from '../../src/common/auth/roles';
import { bearer } from './api';
import { CANDIDAT_PASSWORD, STAFF_PASSWORD, createCandidat, createStaff } from './factories';
import { TestApp } from './test-app';

let sequence = 0;

// Specs written before test/support/api.ts import bearer from here.
export { bearer };

export async function login(t: TestApp, loginName: string, password: string): Promise<string> {
  return (await request(t.http).post('/api/auth/login').send({ login: loginName, password }).expect(200)).body.token as string;
}

/**
 * Staff accounts, each created then logged in once (argon2 makes logins the slow part of a set-up): for each name,
 * its login, roles and scopes; answers each name's session token.
 */
export async function staffConnecte<K extends string>(t: TestApp, comptes: Record<K, [login: string, roles: Role[], scopes?: Partial<Scopes>]>): Promise<Record<K, string>> {
  const tokens = {} as Record<K, string>;
  for (const [nom, [loginName, roles, scopes]] of Object.entries(comptes) as [K, [string, Role[], Partial<Scopes>?]][]) {
    await createStaff(t, roles, loginName, scopes);
    tokens[nom] = await login(t, loginName, STAFF_PASSWORD);
  }
  return tokens;
}

/**
 * A candidate of the campaign whose file is complete (identity with an INE, address, bac): ready to apply. `identite`
 * adds to or overrides the identity's fields.
 */
export async function candidatComplet(t: TestApp, campagne: Campagne, nom = 'Martin', prenom = 'Élise', identite: Record<string, unknown> = {}) {
  const compte = await createCandidat(t, campagne);
  const token = await login(t, compte.numeroDossier, CANDIDAT_PASSWORD);
  const ine = await remplirDossier(t, token, nom, prenom, identite);
  return { token, numero: compte.numeroDossier, email: compte.email, compteId: compte.id, ine };
}

/** Fills the file of the candidate of this session (identity with a fresh INE, address, bac); answers the INE. */
export async function remplirDossier(t: TestApp, token: string, nom: string, prenom: string, identite: Record<string, unknown> = {}): Promise<string> {
  const body = String(3_000_000_000 + process.pid * 1000 + ++sequence).slice(-10);
  const ine = `${body}${nneKey(body)}`;
  const put = (path: string, payload: object) => request(t.http).put(`/api/candidat/${path}`).set(bearer(token)).send(payload).expect(200);
  await put('identite', {
    civilite: 'MME',
    nomNaissance: nom,
    prenom,
    dateNaissance: '2003-03-14',
    paysNaissance: 'FR',
    departementNaissance: '45',
    communeNaissance: '45234',
    nationalite: 'FR',
    ine,
    ...identite,
  });
  await put('adresse', { pays: 'FR', ligne1: '12 rue de Bourgogne', codePostal: '45000', commune: '45234' });
  await put('bac', { serie: 'GEN', annee: 2021, mention: 'B', specialites: ['MATHS', 'PC'], pays: 'FR', departement: '45', commune: '45234' });
  return ine;
}
