import { DLQ_HEADERS } from '@lib/kafka';
import {
  FilterSyntaxError,
  matchesDeadLetterFilters,
  parseDeadLetterFilter,
  type DeadLetterRecord,
} from './dead-letter-filter';

const letter = (
  code: string,
  key: string | null,
  headers: Record<string, string> = {},
): DeadLetterRecord => ({
  key,
  headers: {
    [DLQ_HEADERS.errorCode]: code,
    [DLQ_HEADERS.sourceTopic]: 'news.story.enriched.v1',
    ...headers,
  },
});

const matches = (record: DeadLetterRecord, ...specs: string[]) =>
  matchesDeadLetterFilters(record, specs.map(parseDeadLetterFilter));

describe('dead-letter filters', () => {
  it('selects every dead letter when there is no filter', () => {
    expect(matches(letter('EVENT.MALFORMED_JSON', null))).toBe(true);
  });

  it('matches the error code exactly, dots taken literally', () => {
    expect(
      matches(letter('SEARCH.DOCUMENT_REJECTED', 'urn:a'), 'code=SEARCH.DOCUMENT_REJECTED'),
    ).toBe(true);
    expect(
      matches(letter('SEARCHXDOCUMENT_REJECTED', 'urn:a'), 'code=SEARCH.DOCUMENT_REJECTED'),
    ).toBe(false);
    expect(matches(letter('SEARCH.DOCUMENT_REJECTED', 'urn:a'), 'code=SEARCH.DOCUMENT')).toBe(
      false,
    );
  });

  it('matches keys with a wildcard and never a missing key', () => {
    expect(matches(letter('X', 'urn:faults:poison:7'), 'key=urn:faults:*')).toBe(true);
    expect(matches(letter('X', 'urn:other:7'), 'key=urn:faults:*')).toBe(false);
    expect(matches(letter('X', null), 'key=*')).toBe(false);
    expect(matches(letter('X', ''), 'key=*')).toBe(true);
  });

  it('negates with != and requires every filter to hold', () => {
    const record = letter('EVENT.INVALID_PAYLOAD', 'urn:faults:1', { 'x-correlation-id': 'c-42' });
    expect(matches(record, 'code!=EVENT.MALFORMED_JSON')).toBe(true);
    expect(matches(record, 'code!=EVENT.*')).toBe(false);
    expect(
      matches(record, 'code=EVENT.*', 'key=urn:faults:*', 'header.x-correlation-id=c-42'),
    ).toBe(true);
    expect(matches(record, 'code=EVENT.*', 'header.x-correlation-id=c-41')).toBe(false);
  });

  it('compares header names without case', () => {
    expect(
      matches(letter('X', 'k', { 'X-Correlation-Id': 'c1' }), 'header.x-correlation-id=c1'),
    ).toBe(true);
  });

  it('refuses what it cannot read, naming the filter', () => {
    expect(() => parseDeadLetterFilter('code')).toThrow(FilterSyntaxError);
    expect(() => parseDeadLetterFilter('offset=3')).toThrow(/unknown field "offset"/);
    expect(() => parseDeadLetterFilter('header.=x')).toThrow(FilterSyntaxError);
  });
});
