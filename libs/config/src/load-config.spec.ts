import { loadConfig, ConfigError } from './load-config';

describe('loadConfig', () => {
  it('applies the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.API_PORT).toBe(3000);
    expect(config.INGEST_PORT).toBe(3001);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(config.ES_NODE).toBe('http://127.0.0.1:9200');
  });

  it('splits a broker list', () => {
    expect(loadConfig({ KAFKA_BROKERS: 'a:1, b:2' }).KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ API_PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ API_PORT: 'eighty' })).toThrow(/API_PORT/);
  });

  it('takes the codecs consumers read without an add-on, and names any other', () => {
    expect(loadConfig({}).KAFKA_COMPRESSION).toBe('none');
    expect(loadConfig({ KAFKA_COMPRESSION: 'gzip' }).KAFKA_COMPRESSION).toBe('gzip');
    expect(() => loadConfig({ KAFKA_COMPRESSION: 'snappy' })).toThrow(/KAFKA_COMPRESSION/);
  });

  it('refuses a push budget smaller than a push the body limits allow', () => {
    expect(() =>
      loadConfig({
        INGEST_MAX_BODY_BYTES: '1000000',
        INGEST_BATCH_MAX_BYTES: '2000000',
        INGEST_INFLIGHT_MAX_BYTES: '1000000',
      }),
    ).toThrow(/INGEST_INFLIGHT_MAX_BYTES .*2000000/);
    expect(
      loadConfig({
        INGEST_BATCH_MAX_BYTES: '2000000',
        INGEST_MAX_BODY_BYTES: '1000000',
        INGEST_INFLIGHT_MAX_BYTES: '2000000',
      }).INGEST_INFLIGHT_MAX_BYTES,
    ).toBe(2_000_000);
  });

  it('refuses an item limit whose stories could not travel as one Kafka event', () => {
    expect(() => loadConfig({ INGEST_MAX_BODY_BYTES: String(6 * 1024 * 1024) })).toThrow(
      /INGEST_MAX_BODY_BYTES .*a third/,
    );
  });
});
