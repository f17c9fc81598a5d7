import { type CpuProfile, summariseCpuProfile } from './cpu-profile-summary';

const frame = (functionName: string, url = '', lineNumber = 0) => ({
  functionName,
  url,
  lineNumber,
});

// root ─┬─ main (dist/apps/enricher/main.js:1) ─┬─ score (…/score-related.js:10)
//       │                                       └─ parse (node_modules/zod/index.js:5)
//       ├─ (garbage collector)
//       └─ (idle)
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5, 6] },
    {
      id: 2,
      callFrame: frame('main', 'file:///srv/app/dist/apps/enricher/main.js', 0),
      children: [3, 4],
    },
    { id: 3, callFrame: frame('score', 'file:///srv/app/dist/libs/score-related.js', 9) },
    { id: 4, callFrame: frame('parse', 'file:///srv/app/node_modules/zod/index.js', 4) },
    { id: 5, callFrame: frame('(garbage collector)') },
    { id: 6, callFrame: frame('(idle)') },
  ],
  samples: [3, 3, 3, 3, 3, 3, 4, 4, 5, 2, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6],
};

describe('summariseCpuProfile', () => {
  const summary = summariseCpuProfile(profile, 3);

  it('counts busy samples without the idle ones and ranks functions by self time', () => {
    expect(summary.busySamples).toBe(10);
    expect(summary.gcPercent).toBe(10);
    expect(summary.top).toEqual([
      { frame: 'score (libs/score-related.js:10)', selfPercent: 60 },
      { frame: 'parse (zod/index.js:5)', selfPercent: 20 },
      { frame: '(garbage collector)', selfPercent: 10 },
    ]);
  });

  it('folds each stack with self samples, root first, for flame graph tools', () => {
    expect(summary.folded).toEqual([
      '(garbage collector) 1',
      'main (apps/enricher/main.js:1) 1',
      'main (apps/enricher/main.js:1);parse (zod/index.js:5) 2',
      'main (apps/enricher/main.js:1);score (libs/score-related.js:10) 6',
    ]);
  });

  it('adds up functions that appear under several callers', () => {
    const twice: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 3] },
        { id: 2, callFrame: frame('a', 'file:///x/a.js'), children: [4] },
        { id: 3, callFrame: frame('b', 'file:///x/b.js'), children: [5] },
        { id: 4, callFrame: frame('hot;spot', 'file:///x/h.js') },
        { id: 5, callFrame: frame('hot;spot', 'file:///x/h.js') },
      ],
      samples: [4, 5, 5, 2],
    };
    const result = summariseCpuProfile(twice);
    expect(result.top[0]).toEqual({ frame: 'hot,spot (h.js:1)', selfPercent: 75 });
    expect(result.folded).toContain('b (b.js:1);hot,spot (h.js:1) 2');
  });

  it('reports an empty profile as no busy time', () => {
    expect(summariseCpuProfile({ nodes: [] })).toEqual({
      busySamples: 0,
      gcPercent: 0,
      top: [],
      folded: [],
    });
  });
});
