import { parisDate } from './clock';

describe('parisDate', () => {
  it('gives the Paris calendar day, not the UTC one, around midnight', () => {
    // 22:30 UTC on 31 March 2026 is 00:30 on 1 April in Paris (summer time, UTC+2).
    expect(parisDate(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(parisDate(new Date('2026-03-31T21:59:59Z'))).toBe('2026-03-31');
    // Winter time, UTC+1.
    expect(parisDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(parisDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
  });
});
