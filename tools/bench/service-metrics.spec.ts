import { bucketQuantiles, parseHistogram, parseTotals, totalsDelta } from './service-metrics';

const EXPOSITION = `# HELP newswire_api_request_duration_seconds From a request arriving to its answer sent
# TYPE newswire_api_request_duration_seconds histogram
newswire_api_request_duration_seconds_bucket{le="0.01",route="/v1/search",status="2xx",service="api"} 2
newswire_api_request_duration_seconds_bucket{le="0.05",route="/v1/search",status="2xx",service="api"} 9
newswire_api_request_duration_seconds_bucket{le="+Inf",route="/v1/search",status="2xx",service="api"} 10
newswire_api_request_duration_seconds_sum{route="/v1/search",status="2xx",service="api"} 0.4
newswire_api_request_duration_seconds_count{route="/v1/search",status="2xx",service="api"} 10
newswire_api_request_duration_seconds_bucket{le="0.01",route="/metrics",status="2xx",service="api"} 5
newswire_api_request_duration_seconds_bucket{le="0.05",route="/metrics",status="2xx",service="api"} 5
newswire_api_request_duration_seconds_bucket{le="+Inf",route="/metrics",status="2xx",service="api"} 5
newswire_api_engine_seconds_sum{operation="search_page",service="api"} 0.3
newswire_api_engine_seconds_count{operation="search_page",service="api"} 10
newswire_api_engine_seconds_sum{operation="copies",service="api"} 0.05
newswire_api_engine_seconds_count{operation="copies",service="api"} 5
`;

describe('parseHistogram', () => {
  it('sums the buckets of every series, or only of those carrying a label pair', () => {
    const all = parseHistogram(EXPOSITION, 'newswire_api_request_duration_seconds');
    expect([...all]).toEqual([
      [0.01, 7],
      [0.05, 14],
      [Number.POSITIVE_INFINITY, 15],
    ]);
    const search = parseHistogram(
      EXPOSITION,
      'newswire_api_request_duration_seconds',
      'route="/v1/search"',
    );
    expect(bucketQuantiles(new Map(), search, [0.5, 0.95])).toEqual({
      count: 10,
      bounds: { p50: 0.05, p95: null },
    });
  });
});

describe('parseTotals and totalsDelta', () => {
  it('reads count and sum per label value and gives the mean of what was added between scrapes', () => {
    const after = parseTotals(EXPOSITION, 'newswire_api_engine_seconds', 'operation');
    expect(after.get('search_page')).toEqual({ count: 10, sum: 0.3 });
    const before = new Map([['search_page', { count: 6, sum: 0.1 }]]);
    expect(totalsDelta(before, after)).toEqual({
      search_page: { requests: 4, meanMs: 50 },
      copies: { requests: 5, meanMs: 10 },
    });
  });
});
