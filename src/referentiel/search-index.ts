import { Page, toPage } from '../common/pagination/page';
import { normalizeForSearch } from '../common/text/normalize';

export interface Entry<D extends { code: string }> {
  /** What the client gets */
  dto: D;
  /** The label folded by normalizeForSearch */
  recherche: string;
}

interface Key {
  key: string;
  index: number;
}

/**
 * A list of reference rows, in display order, searchable by the start of any word of the label or by code.
 * Every word start of every label is a key of one sorted array, so a search is a binary search plus the matches:
 * "orl" finds Orléans and Saint-Jean-d'Orléans without scanning 35,000 communes.
 */
export class SearchIndex<D extends { code: string }> {
  private readonly keys: Key[];
  private readonly tags: Key[];
  private readonly codes: Map<string, D>;

  /** `tags` gives other codes a row answers to, found by prefix with `tagged()` (the postal codes of a commune). */
  constructor(
    readonly entries: Entry<D>[],
    tags: (dto: D) => string[] = () => [],
  ) {
    this.keys = sortKeys(
      entries.flatMap((e, index) => [...wordStarts(e.recherche).map((start) => ({ key: e.recherche.slice(start), index })), { key: e.dto.code.toUpperCase(), index }]),
    );
    this.tags = sortKeys(entries.flatMap((e, index) => tags(e.dto).map((key) => ({ key, index }))));
    this.codes = new Map(entries.map((e) => [e.dto.code, e.dto]));
  }

  /** The row of a code, exactly as the reference data spells it. */
  byCode(code: string): D | undefined {
    return this.codes.get(code);
  }

  /** Positions of the rows with a tag starting with `prefix`, in list order. */
  tagged(prefix: string): number[] {
    const found = new Set<number>();
    for (let i = lowerBound(this.tags, prefix); i < this.tags.length && this.tags[i].key.startsWith(prefix); i++) found.add(this.tags[i].index);
    return [...found].sort((a, b) => a - b);
  }

  /** Positions of the rows matching `q`, exact code first, then labels starting with it, then the others, each in list order. */
  match(q: string): number[] | undefined {
    const folded = normalizeForSearch(q);
    if (!folded) return undefined;
    const code = folded.replace(/ /g, '');
    const found = new Set<number>();
    for (let i = lowerBound(this.keys, folded); i < this.keys.length && this.keys[i].key.startsWith(folded); i++) found.add(this.keys[i].index);
    for (let i = lowerBound(this.keys, code); i < this.keys.length && this.keys[i].key === code; i++) found.add(this.keys[i].index);
    const rank = (i: number) => (this.entries[i].dto.code.toUpperCase() === code ? 0 : this.entries[i].recherche.startsWith(folded) ? 1 : 2);
    return [...found].sort((a, b) => rank(a) - rank(b) || a - b);
  }

  /** One page of the rows matching `q` and `keep`, among the `among` positions when given (from `tagged()`). */
  page(query: { q?: string; page?: number; limit?: number }, keep: (dto: D) => boolean = () => true, among?: number[]): Page<D> {
    const matched = this.match(query.q ?? '');
    const allowed = among && matched ? new Set(among) : undefined;
    const positions = matched ? (allowed ? matched.filter((i) => allowed.has(i)) : matched) : among;
    const found = (positions ? positions.map((i) => this.entries[i].dto) : this.entries.map((e) => e.dto)).filter(keep);
    const limit = query.limit ?? 20;
    const start = ((query.page ?? 1) - 1) * limit;
    return toPage(found.slice(start, start + limit), found.length, query);
  }
}

function sortKeys(keys: Key[]): Key[] {
  return keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));
}

function wordStarts(folded: string): number[] {
  const starts = [0];
  for (let i = folded.indexOf(' '); i !== -1; i = folded.indexOf(' ', i + 1)) starts.push(i + 1);
  return starts;
}

function lowerBound(keys: Key[], value: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid].key < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
