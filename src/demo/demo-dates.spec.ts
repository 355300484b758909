import { checkFormationDates } from '../offre/formation-dates';
import { demoDates } from './demo-dates';

describe('demo dates', () => {
  it.each(['2026-12-01', '2027-02-28', '2031-07-14'])('loaded on %s: a campaign in service and formations open that day, in a valid order', (today) => {
    const { campagne, ouverte, plusTard } = demoDates(today);
    expect(campagne.dateDebut < today && today < campagne.dateFin).toBe(true);
    expect(ouverte.dateDebutCandidature < today && today < ouverte.dateFinCandidature).toBe(true);
    expect(plusTard.dateDebutCandidature > ouverte.dateFinCandidature).toBe(true);
    for (const dates of [ouverte, plusTard, { ...ouverte, datePublication: undefined }]) {
      expect(checkFormationDates(dates)).toEqual([]);
      expect(dates.dateConfirmation <= campagne.dateFin).toBe(true);
    }
  });

  it('names the campaign after the year it ends in', () => {
    expect(demoDates('2026-12-01').campagne).toMatchObject({ code: '2027', libelle: 'Campagne 2027' });
  });
});
