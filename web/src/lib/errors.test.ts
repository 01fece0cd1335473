import { describe, expect, it } from 'vitest';
import { RequestError, UploadCancelled } from '../api/client';
import { describeError, describeFailure } from './errors';

describe('describeError', () => {
  it("uses the server's sentence", () => {
    expect(describeError({ __typename: 'NameTakenError', message: 'An entry named a is here.' })).toBe(
      'An entry named a is here.',
    );
  });

  it('has words for members without a message', () => {
    expect(describeError({ __typename: 'QuotaExceededError' })).toMatch(/space/);
    expect(describeError({ __typename: 'SomethingNew' })).toBe('That did not work.');
  });

  it('says how long to wait when rate limited', () => {
    expect(describeError({ __typename: 'RateLimitedError', message: 'x', retryAfterSeconds: 60 })).toBe(
      'Too many attempts. Try again in 60 seconds.',
    );
    expect(describeError({ __typename: 'RateLimitedError', retryAfterSeconds: 1 })).toMatch(/1 second\./);
  });
});

describe('describeFailure', () => {
  it('never shows JSON or a stack', () => {
    expect(describeFailure(new RequestError('Sign in first.', 'UNAUTHENTICATED'))).toBe('Sign in first.');
    expect(describeFailure(new UploadCancelled())).toBe('Cancelled.');
    expect(describeFailure(new TypeError('x is undefined'))).toBe('Something went wrong. Try again.');
  });
});
