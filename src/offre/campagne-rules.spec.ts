import { checkCampagneDates, lendemain, moment, raisonConnexionCandidatClose, raisonFermeture } from './campagne-rules';

describe('campaign rules', () => {
  const campagne = { libelle: 'Campagne 2027', dateDebut: '2026-11-01', dateFin: '2027-09-30' };

  it('a campaign is open from its first to its last day, both included', () => {
    expect(moment(campagne, '2026-10-31')).toBe('avant');
    expect(moment(campagne, '2026-11-01')).toBe('ouverte');
    expect(moment(campagne, '2027-09-30')).toBe('ouverte');
    expect(moment(campagne, '2027-10-01')).toBe('close');
  });

  it('says in French since when a campaign is closed, or when it opens', () => {
    expect(raisonFermeture(campagne, '2027-06-01')).toBeNull();
    expect(raisonFermeture(campagne, '2027-10-15')).toBe(
      'La campagne de candidature Campagne 2027 est close depuis le 01/10/2027 : vous ne pouvez plus créer de compte ni déposer de candidature.',
    );
    expect(raisonFermeture(campagne, '2026-10-15')).toMatch(/^La campagne de candidature Campagne 2027 ouvrira le 01\/11\/2026 : /);
  });

  it('closes candidates\' login the day after their last day, and never without one', () => {
    const fin = { libelle: 'Campagne 2027', dateFinCandidat: '2027-10-31' };
    expect(raisonConnexionCandidatClose(fin, '2027-10-31')).toBeNull();
    expect(raisonConnexionCandidatClose({ ...fin, dateFinCandidat: null }, '2099-01-01')).toBeNull();
    expect(raisonConnexionCandidatClose(fin, '2027-11-01')).toMatch(/^La campagne de candidature Campagne 2027 est terminée : l'accès des candidats est fermé depuis le 01\/11\/2027\./);
  });

  it('refuses a last day for candidates before the campaign\'s last day', () => {
    expect(checkCampagneDates({ ...campagne, dateFinCandidat: '2027-09-30' }, '2026-10-01')).toEqual([]);
    expect(checkCampagneDates({ ...campagne, dateFinCandidat: '2027-09-29' }, '2026-10-01')).toEqual([{ field: 'dateFinCandidat', message: expect.stringContaining('30/09/2027') }]);
  });

  it('knows the day after, across months, years and leap days', () => {
    expect(lendemain('2027-09-30')).toBe('2027-10-01');
    expect(lendemain('2027-12-31')).toBe('2028-01-01');
    expect(lendemain('2028-02-28')).toBe('2028-02-29');
    expect(lendemain('2027-02-28')).toBe('2027-03-01');
  });

  it('refuses a window ending before it starts and a planned switch in the past, unless already recorded', () => {
    expect(checkCampagneDates({ dateDebut: '2027-11-01', dateFin: '2027-11-01', dateActivationPrevue: '2027-10-15' }, '2027-10-15')).toEqual([]);
    expect(checkCampagneDates({ dateDebut: '2027-11-01', dateFin: '2027-10-31', dateActivationPrevue: '2027-10-14' }, '2027-10-15')).toEqual([
      { field: 'dateFin', message: 'ne doit pas précéder la date de début (01/11/2027)' },
      { field: 'dateActivationPrevue', message: "ne doit pas être passée : au plus tôt aujourd'hui (15/10/2027)" },
    ]);
    expect(checkCampagneDates({ dateDebut: '2027-11-01', dateFin: '2028-09-30', dateActivationPrevue: '2027-10-14' }, '2027-10-15', '2027-10-14')).toEqual([]);
    expect(checkCampagneDates({ dateDebut: '2027-11-01', dateFin: '2028-09-30' }, '2027-10-15')).toEqual([]);
  });
});
