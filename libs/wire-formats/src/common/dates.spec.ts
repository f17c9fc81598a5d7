import { WireError } from './errors';
import { epochSeconds, toIsoDate } from './dates';

const iso = (value: string) => toIsoDate(value, { field: 'test' });

describe('dates', () => {
  it.each([
    ['2018-10-21T16:25:32-05:00', '2018-10-21T16:25:32-05:00'],
    ['2017-08-24T04:38:34+0000', '2017-08-24T04:38:34Z'],
    ['2018-03-01T18:34:39.924Z', '2018-03-01T18:34:39.924Z'],
    ['  2018-03-01T18:34:39.924Z\n  ', '2018-03-01T18:34:39.924Z'],
    ['2016-02-01T17:54:50+01:00', '2016-02-01T17:54:50+01:00'],
    ['2017-10-11T10:41:00+0100', '2017-10-11T10:41:00+01:00'],
    ['2018-10-21', '2018-10-21T00:00:00Z'],
    ['2018-10-21 16:25', '2018-10-21T16:25:00Z'],
    // NewsML 1.2 and NITF norm values (ISO 8601 basic format)
    ['20140829T135002Z', '2014-08-29T13:50:02Z'],
    ['20131020T192751+1100', '2013-10-20T19:27:51+11:00'],
    ['20240101T1200', '2024-01-01T12:00:00Z'],
    // RSS RFC 822
    ['Wed, 31 Jan 2018 20:15:15 GMT', '2018-01-31T20:15:15Z'],
    ['Mon, 9 Apr 2018 18:55:38 +0000', '2018-04-09T18:55:38Z'],
    ['Tue, 02 Jan 2024 09:30:00 EST', '2024-01-02T09:30:00-05:00'],
    ['02 Jan 24 09:30 PDT', '2024-01-02T09:30:00-07:00'],
    ['Sun, 5 May 2024 23:59:60 +0530', '2024-05-05T23:59:59+05:30'],
  ])('reads %s', (value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  it('leaves absent and blank values absent', () => {
    expect(toIsoDate(undefined, { field: 'x' })).toBeUndefined();
    expect(iso('   ')).toBeUndefined();
  });

  it.each([
    'yesterday',
    '2019-02-30T00:00:00Z',
    '2019-13-01',
    '2019-01-01T25:00:00Z',
    'Wed, 31 Foo 2018 20:15:15 GMT',
    '1066-10-14',
    '2019-01-01T00:00:00+25:00',
    'Wed, 31 Jan 2018 20:15:15 XYZ',
  ])('refuses %s with the field named', (value) => {
    expect(() =>
      toIsoDate(value, { field: 'itemMeta/versionCreated', format: 'newsml-g2' }),
    ).toThrow(WireError);
    expect(() =>
      toIsoDate(value, { field: 'itemMeta/versionCreated', format: 'newsml-g2' }),
    ).toThrow(/newsml-g2, field itemMeta\/versionCreated: /);
  });

  it('orders versions derived from dates with offsets by the instant, not the text', () => {
    expect(epochSeconds('2024-01-01T10:00:00+02:00')).toBeLessThan(
      epochSeconds('2024-01-01T09:00:00Z'),
    );
  });
});
