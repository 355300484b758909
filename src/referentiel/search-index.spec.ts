import { normalizeForSearch } from '../common/text/normalize';
import { SearchIndex } from './search-index';

const communes = ['Orléans', 'Orly', "Saint-Jean-d'Orléans", 'Saint-Jean-de-Braye', 'Vorly'].map((libelle, i) => ({
  dto: { code: `4500${i}`, libelle },
  recherche: normalizeForSearch(libelle),
}));

describe('SearchIndex', () => {
  const index = new SearchIndex(communes);
  const labels = (q: string) => (index.match(q) ?? []).map((i) => communes[i].dto.libelle);

  it('finds labels by the start of any word, whole-label matches first, then list order', () => {
    expect(labels('orl')).toEqual(['Orléans', 'Orly', "Saint-Jean-d'Orléans"]);
    expect(labels('orleans')).toEqual(['Orléans', "Saint-Jean-d'Orléans"]);
    expect(labels('saint jean')).toEqual(["Saint-Jean-d'Orléans", 'Saint-Jean-de-Braye']);
  });

  it('does not match inside a word', () => {
    expect(labels('rly')).toEqual([]);
  });

  it('puts an exact code first', () => {
    expect(labels('45004')).toEqual(['Vorly']);
  });

  it('finds rows by tag prefix', () => {
    const tagged = new SearchIndex(communes, (c) => (c.libelle.startsWith('Saint') ? ['45100', '45800'] : ['45000']));
    expect(tagged.tagged('458').map((i) => communes[i].dto.libelle)).toEqual(["Saint-Jean-d'Orléans", 'Saint-Jean-de-Braye']);
    expect(tagged.page({ q: 'orl' }, undefined, tagged.tagged('45000')).items.map((c) => c.libelle)).toEqual(['Orléans', 'Orly']);
  });

  it('pages the matches and filters them', () => {
    expect(index.page({ q: 'saint', limit: 1, page: 2 })).toEqual({ items: [communes[3].dto], total: 2, page: 2, limit: 1 });
    expect(index.page({}, (c) => c.libelle.startsWith('O')).total).toBe(2);
  });
});
