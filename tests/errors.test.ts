import { BaristaError, isStoreUnreachable } from '../src/errors';

describe('isStoreUnreachable', () => {
  it('says yes to what ioredis throws while Redis is down', () => {
    const maxRetries = Object.assign(new Error('Reached the max retries per request limit (which is 3).'), { name: 'MaxRetriesPerRequestError' });
    expect(isStoreUnreachable(maxRetries)).toBe(true);
    expect(isStoreUnreachable(new Error('Connection is closed.'))).toBe(true);
    expect(isStoreUnreachable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isStoreUnreachable(new BaristaError('store-unavailable', 'down'))).toBe(true);
    expect(isStoreUnreachable(new BaristaError('store-failed', 'a read failed', maxRetries))).toBe(true);
  });

  it('says no to a bug or a store that answered wrong', () => {
    expect(isStoreUnreachable(new TypeError('x is undefined'))).toBe(false);
    expect(isStoreUnreachable(new BaristaError('store-failed', 'a corrupt document'))).toBe(false);
    expect(isStoreUnreachable(Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT' }))).toBe(false);
    expect(isStoreUnreachable(undefined)).toBe(false);
  });
});
