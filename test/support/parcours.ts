import request from 'supertest';
import { nneKey } from '../../src/candidat/ine/ine';
import { Campagne } from '../../src/offre/entities/campagne.entity';
import { CANDIDAT_PASSWORD, createCandidat } from './factories';
import { TestApp } from './test-app';

let sequence = 0;

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function login(t: TestApp, loginName: string, password: string): Promise<string> {
  return (await request(t.http).post('/api/auth/login').send({ login: loginName, password }).expect(200)).body.token as string;
}

/** A candidate of the campaign whose file is complete (identity with an INE, address, bac): ready to apply. */
export async function candidatComplet(t: TestApp, campagne: Campagne, nom = 'Martin', prenom = 'Élise') {
  const compte = await createCandidat(t, campagne);
  const token = await login(t, compte.numeroDossier, CANDIDAT_PASSWORD);
  const body = String(3_000_000_000 + process.pid * 1000 + ++sequence).slice(-10);
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
    ine: `${body}${nneKey(body)}`,
  });
  await put('adresse', { pays: 'FR', ligne1: '12 rue de Bourgogne', codePostal: '45000', commune: '45234' });
  await put('bac', { serie: 'GEN', annee: 2021, mention: 'B', specialites: ['MATHS', 'PC'], pays: 'FR', departement: '45', commune: '45234' });
  return { token, numero: compte.numeroDossier, email: compte.email, compteId: compte.id };
}
