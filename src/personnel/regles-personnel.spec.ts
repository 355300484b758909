import { Role } from '../common/auth/roles';
import { Habilitations, ecarts, erreursHabilitations, refusGestion } from './regles-personnel';

const admin = { roles: [Role.ADMIN] };
const scol = { roles: [Role.SCOL_CENTRALE] };

describe('who manages which staff account', () => {
  it('lets an administrator manage every account and grant every role', () => {
    expect(refusGestion(admin, [Role.ADMIN], [Role.SCOL_CENTRALE, Role.ADMIN])).toBeNull();
  });

  it('lets scolarité centrale manage gestionnaires and members only', () => {
    expect(refusGestion(scol, [], [Role.GESTIONNAIRE, Role.COMMISSION])).toBeNull();
    expect(refusGestion(scol, [Role.COMMISSION], [Role.GESTIONNAIRE])).toBeNull();
    expect(refusGestion(scol, [], [Role.SCOL_CENTRALE])).toMatch(/attribués par un administrateur/);
    expect(refusGestion(scol, [], [Role.GESTIONNAIRE, Role.ADMIN])).toMatch(/attribués par un administrateur/);
    expect(refusGestion(scol, [Role.ADMIN], [Role.GESTIONNAIRE])).toMatch(/seul un administrateur peut le modifier/);
    expect(refusGestion(scol, [Role.GESTIONNAIRE, Role.SCOL_CENTRALE], [Role.GESTIONNAIRE])).toMatch(/seul un administrateur/);
  });

  it('refuses everybody else', () => {
    expect(refusGestion({ roles: [Role.GESTIONNAIRE] }, [], [Role.COMMISSION])).toMatch(/^Seules l'administration et la scolarité centrale/);
  });
});

describe('scopes against roles', () => {
  it('asks for the role a scope goes with, and no scope twice', () => {
    expect(erreursHabilitations({ roles: [Role.GESTIONNAIRE, Role.COMMISSION], centres: [{ code: 'A', commissions: null }], commissions: [{ code: 'A1', president: true }] })).toEqual([]);
    expect(erreursHabilitations({ roles: [Role.COMMISSION], centres: [{ code: 'A', commissions: null }], commissions: [] }).map((e) => e.field)).toEqual(['centres']);
    expect(erreursHabilitations({ roles: [Role.GESTIONNAIRE], centres: [], commissions: [{ code: 'A1', president: false }] }).map((e) => e.field)).toEqual(['commissions']);
    expect(
      erreursHabilitations({
        roles: [Role.GESTIONNAIRE, Role.COMMISSION],
        centres: [
          { code: 'A', commissions: null },
          { code: 'A', commissions: ['A1'] },
          { code: 'B', commissions: [] },
        ],
        commissions: [
          { code: 'C1', president: false },
          { code: 'C1', president: true },
        ],
      }),
    ).toEqual([
      { field: 'centres', message: 'cite deux fois le centre A' },
      { field: 'centres.2.commissions', message: expect.stringContaining('vide') },
      { field: 'commissions', message: 'cite deux fois la commission C1' },
    ]);
  });
});

describe('the history of grants and revocations', () => {
  const vide: Habilitations = { actif: true, roles: [], centres: [], commissions: [] };

  it('records a new account, its roles and scopes', () => {
    const apres: Habilitations = { actif: true, roles: [Role.GESTIONNAIRE, Role.COMMISSION], centres: [{ code: 'A', commissions: null }, { code: 'B', commissions: ['B1', 'B2'] }], commissions: [{ code: 'C1', president: true }] };
    expect(ecarts(null, apres)).toEqual([
      { operation: 'attribution', nature: 'compte', code: null },
      { operation: 'attribution', nature: 'role', code: 'gestionnaire' },
      { operation: 'attribution', nature: 'role', code: 'commission' },
      { operation: 'attribution', nature: 'centre', code: 'A' },
      { operation: 'attribution', nature: 'commission-geree', code: 'B1' },
      { operation: 'attribution', nature: 'commission-geree', code: 'B2' },
      { operation: 'attribution', nature: 'commission', code: 'C1' },
      { operation: 'attribution', nature: 'presidence', code: 'C1' },
    ]);
  });

  it('records only what changed: nothing for the same state, a deactivation, a presidency given', () => {
    const avant: Habilitations = { ...vide, roles: [Role.COMMISSION], commissions: [{ code: 'C1', president: false }] };
    expect(ecarts(avant, avant)).toEqual([]);
    expect(ecarts(avant, { ...avant, actif: false })).toEqual([{ operation: 'retrait', nature: 'compte', code: null }]);
    expect(ecarts(avant, { ...avant, commissions: [{ code: 'C1', president: true }] })).toEqual([{ operation: 'attribution', nature: 'presidence', code: 'C1' }]);
    // A whole centre narrowed to one of its commissions: the centre is revoked, the commission granted.
    expect(ecarts({ ...vide, roles: [Role.GESTIONNAIRE], centres: [{ code: 'A', commissions: null }] }, { ...vide, roles: [Role.GESTIONNAIRE], centres: [{ code: 'A', commissions: ['A1'] }] })).toEqual([
      { operation: 'retrait', nature: 'centre', code: 'A' },
      { operation: 'attribution', nature: 'commission-geree', code: 'A1' },
    ]);
  });
});
