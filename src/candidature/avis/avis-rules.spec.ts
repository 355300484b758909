import { TypeAvis } from '../entities/avis.entity';
import { champsAvis, dateLimiteConfirmation, plusJours, publicationDue } from './avis-rules';

const TODAY = '2027-04-12';

describe('avis rules', () => {
  it('asks each family for its own fields and refuses the others', () => {
    expect(champsAvis({ type: TypeAvis.FA }, TODAY)).toEqual([]);
    expect(champsAvis({ type: TypeAvis.DE }, TODAY).map((e) => e.field)).toEqual(['motif']);
    expect(champsAvis({ type: TypeAvis.DE, motif: 'CAPACITE' }, TODAY)).toEqual([]);
    expect(champsAvis({ type: TypeAvis.LC, rang: 4 }, TODAY)).toEqual([]);
    expect(champsAvis({ type: TypeAvis.LC }, TODAY).map((e) => e.field)).toEqual(['rang']);
    expect(champsAvis({ type: TypeAvis.PR, preselectionDate: '2027-05-02' }, TODAY).map((e) => e.field)).toEqual(['preselectionHeure', 'preselectionLieu']);
    expect(champsAvis({ type: TypeAvis.FA, rang: 2, motif: 'X' }, TODAY).map((e) => e.field)).toEqual(['motif', 'rang']);
  });

  it('takes a meeting date of today or before, never a future one', () => {
    expect(champsAvis({ type: TypeAvis.FA, dateReunion: '2027-04-12' }, TODAY)).toEqual([]);
    expect(champsAvis({ type: TypeAvis.DE, motif: 'CAPACITE', dateReunion: '2027-03-30' }, TODAY)).toEqual([]);
    expect(champsAvis({ type: TypeAvis.FA, dateReunion: '2027-04-13' }, TODAY)).toEqual([
      { field: 'dateReunion', message: "ne peut pas être postérieure à aujourd'hui (2027-04-12)" },
    ]);
  });

  it('publishes at once without a publication date, else from that date on', () => {
    expect(publicationDue(null, '2027-04-01')).toBe(true);
    expect(publicationDue('2027-04-13', '2027-04-12')).toBe(false);
    expect(publicationDue('2027-04-13', '2027-04-13')).toBe(true);
  });

  it('counts the confirmation deadline from the candidature, the delay or the formation date', () => {
    expect(plusJours('2027-02-25', 5)).toBe('2027-03-02');
    const dates = { dateConfirmation: '2027-04-20', delaiConfirmation: null };
    expect(dateLimiteConfirmation({ dateConfirmationCandidature: null }, dates, '2027-04-13')).toBe('2027-04-20');
    expect(dateLimiteConfirmation({ dateConfirmationCandidature: '2027-05-01' }, dates, '2027-04-13')).toBe('2027-05-01');
    expect(dateLimiteConfirmation({ dateConfirmationCandidature: null }, { dateConfirmation: null, delaiConfirmation: 8 }, '2027-04-13')).toBe('2027-04-21');
    expect(dateLimiteConfirmation({ dateConfirmationCandidature: null }, { dateConfirmation: null, delaiConfirmation: 8 }, null)).toBeNull();
  });
});
