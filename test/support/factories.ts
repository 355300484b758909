import { AuthService } from '../../src/auth/auth.service';
import { CompteCandidat } from '../../src/auth/entities/compte-candidat.entity';
import { ComptesService } from '../../src/auth/comptes.service';
import { Role, Scopes } from '../../src/common/auth/roles';
import { Campagne } from '../../src/offre/entities/campagne.entity';
import { CampagneService } from '../../src/offre/campagne.service';
import { TestApp } from './test-app';

let sequence = 0;
const next = () => ++sequence;

/** A campaign, in service unless told otherwise. */
export function createCampagne(t: TestApp, overrides: Partial<Omit<Campagne, 'id'>> = {}): Promise<Campagne> {
  const n = next();
  return t.app.get(CampagneService).create({
    code: `C${n}`,
    libelle: `Campagne de test ${n}`,
    dateDebut: '2026-01-01',
    dateFin: '2027-12-31',
    enService: true,
    ...overrides,
  });
}

export const STAFF_PASSWORD = 'correct horse battery staple';

/** A local staff account with these roles (and scopes); log in with its login and STAFF_PASSWORD. */
export async function createStaff(t: TestApp, roles: Role[], login = `staff${next()}`, scopes?: Partial<Scopes>) {
  return t.app.get(AuthService).createStaff({ login, email: `${login}@univ.test`, nom: 'Test', prenom: login, password: STAFF_PASSWORD, roles, scopes });
}

export const CANDIDAT_PASSWORD = 'une phrase de passe toute simple';

/** An activated candidate account in the campaign in service; log in with its numéro de dossier and CANDIDAT_PASSWORD. */
export async function createCandidat(t: TestApp, campagne: Campagne): Promise<CompteCandidat> {
  const n = next();
  return t.app.get(ComptesService).creerActive({
    campagneId: campagne.id,
    numeroDossier: `T${String(n).padStart(7, '0')}`,
    email: `candidat${n}@example.org`,
    nom: 'Candidat',
    prenom: `N${n}`,
    password: CANDIDAT_PASSWORD,
  });
}
