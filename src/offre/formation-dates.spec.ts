import { checkFormationDates } from './formation-dates';

const VALID = {
  dateDebutCandidature: '2026-11-15',
  dateFinCandidature: '2027-03-31',
  dateRetour: '2027-04-07',
  dateAnalyse: '2027-04-01',
  dateJury: '2027-05-15',
  datePublication: '2027-05-20',
  dateConfirmation: '2027-06-10',
};
const fields = (dates: Parameters<typeof checkFormationDates>[0]) => checkFormationDates(dates).map((e) => e.field);

describe('checkFormationDates', () => {
  it('accepts dates in order, equal bounds included, and only the required ones with a delay', () => {
    expect(checkFormationDates(VALID)).toEqual([]);
    const same = '2027-03-31';
    expect(checkFormationDates({ dateDebutCandidature: same, dateFinCandidature: same, dateRetour: same, dateAnalyse: same, dateJury: same, datePublication: same, dateConfirmation: same })).toEqual([]);
    expect(checkFormationDates({ dateDebutCandidature: '2026-11-15', dateFinCandidature: '2027-03-31', dateRetour: '2027-04-07', delaiConfirmation: 8 })).toEqual([]);
  });

  it.each([
    ['dateFinCandidature', { dateFinCandidature: '2026-11-14' }, 'date de début de candidature'],
    ['dateAnalyse', { dateAnalyse: '2027-03-30' }, 'date de fin de candidature'],
    ['dateRetour', { dateRetour: '2027-03-30' }, 'date de fin de candidature'],
    ['dateJury', { dateJury: '2027-04-06' }, 'date limite de retour'],
    ['datePublication', { datePublication: '2027-05-14' }, 'date du jury'],
    ['dateConfirmation', { dateConfirmation: '2027-05-19' }, 'date de publication'],
  ])('names %s when it precedes what it follows', (field, change, label) => {
    const errors = checkFormationDates({ ...VALID, ...change });
    expect(errors).toEqual([{ field, message: expect.stringContaining(label) }]);
  });

  it('checks against the earlier dates that are present (publication after retour without a jury; confirmation after jury without publication)', () => {
    expect(fields({ ...VALID, dateJury: null, datePublication: '2027-04-06' })).toEqual(['datePublication']);
    expect(fields({ ...VALID, datePublication: null, dateConfirmation: '2027-05-14' })).toEqual(['dateConfirmation']);
  });

  it('wants exactly one of dateConfirmation and delaiConfirmation', () => {
    expect(fields({ ...VALID, delaiConfirmation: 10 })).toEqual(['delaiConfirmation']);
    expect(fields({ ...VALID, dateConfirmation: undefined })).toEqual(['dateConfirmation']);
  });

  it('the liste complémentaire deadline follows the confirmation deadline and the jury, and is a date or a delay', () => {
    expect(fields({ ...VALID, dateConfirmationListeComplementaire: VALID.dateConfirmation })).toEqual([]);
    expect(checkFormationDates({ ...VALID, dateConfirmationListeComplementaire: '2027-01-01' })).toEqual([
      { field: 'dateConfirmationListeComplementaire', message: expect.stringContaining('la date du jury') },
    ]);
    expect(fields({ ...VALID, dateConfirmationListeComplementaire: '2027-12-01', delaiConfirmationListeComplementaire: 5 })).toEqual(['delaiConfirmationListeComplementaire']);
  });
});
