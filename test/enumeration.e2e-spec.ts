import request from 'supertest';
import { CompteCandidat } from '../src/auth/entities/compte-candidat.entity';
import { AppEnv } from '../src/config/app.config';
import { createCampagne, createCandidat } from './support/factories';
import { TestApp, startTestApp } from './support/test-app';

const ROUNDS = 15;
/** What a network observer could not tell apart: a difference of medians below this is noise over the Internet. */
const NOISE_MS = 25;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Account creation, "J'ai perdu mon code d'activation" and "J'ai oublié mes identifiants" must not tell whether an
 * address has an account: same status, same body, and the same time within noise (medians over interleaved rounds),
 * with the answer floor of production's default (COMPTE_REPONSE_MIN_MS): without it, a busy machine (the CI's, once)
 * showed gaps of 34–40 ms, the known address's mail rendered and written against nothing for an unknown one.
 */
describe('No account enumeration', () => {
  // A timing test on a shared machine: a pause of the process (a collection, another job's burst) can land on one
  // side. A real difference shows on every try; noise does not come back three times in a row.
  jest.retryTimes(2, { logErrorsBeforeRetry: true });

  let t: TestApp;
  const known: { activated: string[]; pending: string[] } = { activated: [], pending: [] };
  let essais = 0;

  beforeAll(async () => {
    t = await startTestApp({
      THROTTLE_IP_PER_MINUTE: '10000',
      THROTTLE_ACCOUNT_PER_15_MIN: '1000',
      COMPTE_REPONSE_MIN_MS: String(new AppEnv().COMPTE_REPONSE_MIN_MS),
    });
    const campagne = await createCampagne(t);
    for (let i = 0; i < ROUNDS; i++) {
      known.activated.push((await createCandidat(t, campagne)).email);
      const pending = await createCandidat(t, campagne);
      await t.dataSource.getRepository(CompteCandidat).update({ id: pending.id }, { active: false, activationDeadline: new Date(Date.now() + 86_400_000) });
      known.pending.push(pending.email);
    }
  });
  afterAll(() => t.close());

  const password = 'une phrase de passe toute simple';
  const routes: [string, string, (email: string) => object, keyof typeof known][] = [
    ['creation', '/api/comptes', (email) => ({ nom: 'Nom', prenom: 'Prénom', email, emailConfirmation: email, password, passwordConfirmation: password }), 'activated'],
    ['resend', '/api/comptes/activation/renvoi', (email) => ({ email }), 'pending'],
    ['forgot', '/api/comptes/identifiants-oublies', (email) => ({ email }), 'activated'],
  ];

  it.each(routes)('%s answers the same, in the same time, for known and unknown addresses', async (name, path, body, kind) => {
    // Unknown addresses of their own on each try: creation made the last try's known.
    const essai = ++essais;
    const timings = { known: [] as number[], unknown: [] as number[] };
    const answers = new Set<string>();
    const send = async (email: string, into: number[]) => {
      const started = process.hrtime.bigint();
      const res = await request(t.http).post(path).send(body(email));
      into.push(Number(process.hrtime.bigint() - started) / 1e6);
      answers.add(`${res.status} ${JSON.stringify(res.body)}`);
    };
    for (let i = 0; i < ROUNDS; i++) {
      // Interleaved, so a slow patch of the machine hits both sides alike.
      await send(known[kind][i], timings.known);
      await send(`${name}.essai${essai}.inconnu${i}@example.org`, timings.unknown);
    }
    expect([...answers]).toHaveLength(1);
    expect([...answers][0]).toMatch(/^202 /);
    const medians = `known ${median(timings.known).toFixed(1)} ms, unknown ${median(timings.unknown).toFixed(1)} ms`;
    if (process.env.SHOW_TIMINGS) process.stdout.write(`${name}: ${medians}\n`);
    expect({ gap: Math.abs(median(timings.known) - median(timings.unknown)) < NOISE_MS, medians }).toEqual({ gap: true, medians });
    // The floor is what evens them out: no answer came sooner.
    expect(Math.min(...timings.known, ...timings.unknown)).toBeGreaterThanOrEqual(new AppEnv().COMPTE_REPONSE_MIN_MS - 1);
  });
});
