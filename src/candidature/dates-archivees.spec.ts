import { datesDe, figerDates } from './dates-archivees';

describe('dates archivées', () => {
  const formation = {
    id: 7,
    libelle: 'M1 GEO2env',
    dateDebutCandidature: '2026-11-15',
    dateFinCandidature: '2027-03-31',
    dateRetour: '2027-04-10',
    dateAnalyse: null,
    dateJury: '2027-04-12',
    datePublication: '2027-04-13',
    dateConfirmation: null,
    delaiConfirmation: 15,
  };

  it("keeps the formation's eight dates, and nothing else, in a fixed order", () => {
    expect(figerDates(formation)).toBe(
      '{"dateDebutCandidature":"2026-11-15","dateFinCandidature":"2027-03-31","dateRetour":"2027-04-10","dateAnalyse":null,"dateJury":"2027-04-12","datePublication":"2027-04-13","dateConfirmation":null,"delaiConfirmation":15}',
    );
  });

  it("an archived candidature keeps the dates copied at archiving, whatever its formation's say since", () => {
    expect(datesDe({ datesArchivees: null, dateRetourCandidature: null, formation })).toBe(formation);
    const later = { ...formation, dateRetour: '2028-04-10', dateJury: '2028-04-12' };
    expect(datesDe({ datesArchivees: figerDates(formation), dateRetourCandidature: null, formation: later })).toEqual({
      dateDebutCandidature: '2026-11-15',
      dateFinCandidature: '2027-03-31',
      dateRetour: '2027-04-10',
      dateAnalyse: null,
      dateJury: '2027-04-12',
      datePublication: '2027-04-13',
      dateConfirmation: null,
      delaiConfirmation: 15,
    });
  });

  it("a return deadline set for the candidature extends the formation's, archived or not, and never shortens it", () => {
    expect(datesDe({ datesArchivees: null, dateRetourCandidature: '2027-04-30', formation }).dateRetour).toBe('2027-04-30');
    expect(datesDe({ datesArchivees: null, dateRetourCandidature: '2027-04-01', formation }).dateRetour).toBe('2027-04-10');
    const later = { ...formation, dateRetour: '2028-04-10' };
    expect(datesDe({ datesArchivees: figerDates(formation), dateRetourCandidature: '2027-04-20', formation: later })).toMatchObject({ dateRetour: '2027-04-20', dateJury: '2027-04-12' });
  });
});
