import { DependencyUnavailableError, NonRetriableError } from './kafka.errors';
import { outcomeOf } from './outcome';

const named = (name: string, extra: object = {}) =>
  Object.assign(new Error(`${name} happened`), { name }, extra);

describe('outcomeOf', () => {
  it('dead-letters a non-retriable error at once', () => {
    expect(outcomeOf(new NonRetriableError('EVENT.INVALID_PAYLOAD', 'bad'))).toMatchObject({
      status: 'dead',
    });
  });

  it('waits for a search engine that does not answer or is not ready', () => {
    for (const error of [
      named('ConnectionError'),
      named('TimeoutError'),
      named('ResponseError', { meta: { statusCode: 503 } }),
    ]) {
      const outcome = outcomeOf(error);
      expect(outcome).toMatchObject({ status: 'retry' });
      expect(outcome.status === 'retry' && outcome.error).toBeInstanceOf(
        DependencyUnavailableError,
      );
    }
  });

  it('waits for a refused connection, also one wrapped as a cause', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const outcome = outcomeOf(new Error('query failed', { cause: refused }));
    expect(outcome.status === 'retry' && outcome.error).toBeInstanceOf(DependencyUnavailableError);
  });

  it('retries, with attempts counted, what is not an outage', () => {
    for (const error of [
      new Error('bug'),
      named('ResponseError', { meta: { statusCode: 400 } }),
      named('ResponseError', { meta: { statusCode: 500 } }),
    ]) {
      const outcome = outcomeOf(error);
      expect(outcome).toEqual({ status: 'retry', error });
    }
  });
});
