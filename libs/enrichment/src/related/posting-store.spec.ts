import { PostingStore } from './posting-store';

function postingsOf(store: PostingStore, term: number): number[] {
  const out: number[] = [];
  store.forEach(term, (p) => out.push(p));
  return out.sort((a, b) => a - b);
}

describe('PostingStore', () => {
  it('gives back each term’s postings, before and after packing', () => {
    const store = new PostingStore();
    const a = store.addTerm();
    const b = store.addTerm();
    store.add(a, 1);
    store.add(b, 2);
    store.add(a, 3);
    expect(store.unpacked).toBe(3);
    store.compact((p) => p);
    expect(store.unpacked).toBe(0);
    store.add(a, 5);
    expect(postingsOf(store, a)).toEqual([1, 3, 5]);
    expect(postingsOf(store, b)).toEqual([2]);
    expect(store.size).toBe(4);
  });

  it('keeps thousands of postings of many terms apart as its log grows', () => {
    const store = new PostingStore();
    for (let t = 0; t < 100; t++) store.addTerm();
    for (let i = 0; i < 5_000; i++) store.add(i % 100, i);
    expect(postingsOf(store, 7)).toEqual(Array.from({ length: 50 }, (_, k) => 7 + 100 * k));
    expect(store.terms).toBe(100);
  });

  it('drops and rewrites postings when packing, and renumbers the terms left', () => {
    const store = new PostingStore();
    const [a, b, c] = [store.addTerm(), store.addTerm(), store.addTerm()];
    store.add(a, 10);
    store.add(b, 20);
    store.add(c, 30);
    store.add(c, 31);
    const { newTerm, lengths } = store.compact((p) => (p === 20 || p === 30 ? -1 : p + 1));
    expect([...newTerm]).toEqual([0, -1, 1]);
    expect(lengths).toEqual([1, 1]);
    expect(store.terms).toBe(2);
    expect(postingsOf(store, 0)).toEqual([11]);
    expect(postingsOf(store, 1)).toEqual([32]);
  });
});
