import { TestApp } from './test-app';
import { api } from './api';

type Body = Record<string, unknown>;

/** The Orléans guide's commission address (OSUC - SCOLARITE). */
export const ADRESSE_COMMISSION = { ligne1: '1 A rue de la Férollerie', codePostal: '45071', commune: '45234', ville: 'ORLEANS CEDEX 2', pays: 'FR' };

const DAY = 86_400_000;
const parisDay = (instant: Date) => instant.toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });
const plusDays = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * The guides' calendar around the test clock's day: applications opened 5 days ago and close in about four months,
 * then files back, jury, confirmation. At the specs' usual 20 November 2026: 2026-11-15, 2027-03-31, 2027-04-10,
 * 2027-04-12, 2027-04-20.
 */
export function datesOuvertes(t: TestApp) {
  const today = parisDay(t.clock.now());
  const fin = plusDays(today, 131);
  return {
    dateDebutCandidature: plusDays(today, -5),
    dateFinCandidature: fin,
    dateRetour: plusDays(fin, 10),
    dateJury: plusDays(fin, 12),
    dateConfirmation: plusDays(fin, 20),
  };
}

let sequence = 0;

export interface OffreOptions {
  /** Fields of the centre (code, libelle…), over the defaults. */
  centre?: Body;
  /** Fields of the commission, over the defaults (its centre, address and e-mail). */
  commission?: Body;
  /** The formations' calendar (dateDebutCandidature…), instead of datesOuvertes(t): whole, not merged. */
  dates?: Body;
}

export interface Offre {
  centreId: number;
  centreCode: string;
  commissionId: number;
  commissionCode: string;
  /** A formation of the commission: a dematerialised master, open on the test clock's day; `extra` overrides any field. */
  formation(extra?: Body): Promise<number>;
}

/**
 * One centre de candidature and its commission, created through the staff API by `token` (scolarité centrale or
 * admin), and formations on demand, with the student guides' defaults: a commission with its address and e-mail, a
 * master (MAS, avis en commission) that is dematerialised and open today. Every body takes overrides: `{ email:
 * undefined }` leaves a field out.
 */
export async function creerOffre(t: TestApp, token: string, { centre = {}, commission = {}, dates }: OffreOptions = {}): Promise<Offre> {
  const as = api(t, token);
  const n = ++sequence;
  const centreBody = { code: `CENTRE-${n}`, libelle: `Centre ${n}`, ...centre };
  const centreId = (await as.post('offre/gestion/centres', centreBody).expect(201)).body.id as number;
  const code = String(centreBody.code);
  const commissionBody = { centreId, code: `${code}-COM`, libelle: `Commission ${code}`, adresse: ADRESSE_COMMISSION, email: `commission-${code.toLowerCase()}@univ.test`, ...commission };
  const commissionId = (await as.post('offre/gestion/commissions', commissionBody).expect(201)).body.id as number;
  let formations = 0;
  return {
    centreId,
    centreCode: code,
    commissionId,
    commissionCode: String(commissionBody.code),
    formation: async (extra = {}) => {
      const formationCode = `${code}-F${++formations}`;
      const body = { commissionId, code: formationCode, libelle: `Master ${formationCode}`, typeDiplome: 'MAS', typeTraitement: 'AC', demat: true, ...(dates ?? datesOuvertes(t)), ...extra };
      return (await as.post('offre/gestion/formations', body).expect(201)).body.id as number;
    },
  };
}
