import { A4, MARGE_IMAGE, placerImage } from './annexes';

describe('placerImage', () => {
  const [petit, grand] = A4;

  it('a tall scan: portrait A4, scaled down to the height inside the margins, centred', () => {
    const p = placerImage(2480, 3508 * 1.1);
    expect(p.page).toEqual([petit, grand]);
    expect(p.hauteur).toBeCloseTo(grand - 2 * MARGE_IMAGE, 6);
    expect(p.largeur / p.hauteur).toBeCloseTo(2480 / (3508 * 1.1), 9);
    expect(p.x).toBeCloseTo((petit - p.largeur) / 2, 9);
    expect(p.y).toBeCloseTo(MARGE_IMAGE, 6);
  });

  it('a wide photo: landscape A4, limited by its width', () => {
    const p = placerImage(4000, 1000);
    expect(p.page).toEqual([grand, petit]);
    expect(p.largeur).toBeCloseTo(grand - 2 * MARGE_IMAGE, 6);
    expect(p.hauteur).toBeCloseTo(p.largeur / 4, 9);
    expect(p.x).toBeCloseTo(MARGE_IMAGE, 6);
    expect(p.y).toBeCloseTo((petit - p.hauteur) / 2, 9);
  });

  it('a small image is enlarged to the page, a square one stays portrait, and it never leaves the page', () => {
    for (const [l, h] of [
      [40, 30],
      [100, 100],
      [1, 5000],
      [5000, 1],
    ]) {
      const p = placerImage(l, h);
      expect(p.x).toBeGreaterThanOrEqual(MARGE_IMAGE - 1e-9);
      expect(p.y).toBeGreaterThanOrEqual(MARGE_IMAGE - 1e-9);
      expect(p.x + p.largeur).toBeLessThanOrEqual(p.page[0] - MARGE_IMAGE + 1e-9);
      expect(p.y + p.hauteur).toBeLessThanOrEqual(p.page[1] - MARGE_IMAGE + 1e-9);
      // One of the two sides touches the margins.
      expect(Math.min(p.x, p.y)).toBeCloseTo(MARGE_IMAGE, 6);
    }
    expect(placerImage(40, 30).largeur).toBeGreaterThan(40);
    expect(placerImage(100, 100).page).toEqual([petit, grand]);
  });

  it('refuses dimensions no image has', () => {
    expect(() => placerImage(0, 10)).toThrow(RangeError);
    expect(() => placerImage(10, Number.NaN)).toThrow(RangeError);
  });
});
