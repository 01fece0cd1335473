import { describe, expect, it } from 'vitest';
import {
  bigFilesByTus,
  CONNECTION_LOST,
  fingerprintOf,
  parseBody,
  shouldRetry,
  TUS_THRESHOLD,
  tusErrorMessage,
  tusMetadata,
  usesTus,
} from './tus';
import type { Starter } from './uploads';

const refusal = (code: string, message: string) => ({ errors: [{ message, extensions: { code } }] });

describe('which path a file takes', () => {
  it('over 8 MiB: tus; 8 MiB and less: the multipart upload, unchanged', () => {
    expect(TUS_THRESHOLD).toBe(8 * 1024 * 1024);
    expect(usesTus(TUS_THRESHOLD)).toBe(false);
    expect(usesTus(TUS_THRESHOLD + 1)).toBe(true);
    expect(usesTus(0)).toBe(false);
  });

  it('bigFilesByTus hands small files to the multipart starter as they were', () => {
    const calls: string[] = [];
    const multipart: Starter<{ parentId: string; replace: boolean }> = (file, target) => {
      calls.push(`${file.name}:${target.parentId}:${target.replace}`);
      return { promise: Promise.resolve(null), cancel: () => {} };
    };
    const start = bigFilesByTus(multipart);
    start(new File(['abc'], 'small.txt'), { parentId: 'f1', replace: true }, () => {});
    expect(calls).toEqual(['small.txt:f1:true']);
  });
});

describe('the write a tus upload makes', () => {
  it('Keep both: ADD with autorename; Replace: OVERWRITE', () => {
    expect(tusMetadata({ name: 'movie.mp4' }, { parentId: 'p', replace: false })).toEqual({
      filename: 'movie.mp4',
      parentId: 'p',
      mode: 'ADD',
      autorename: 'true',
    });
    expect(tusMetadata({ name: 'movie.mp4' }, { parentId: 'p', replace: true })).toEqual({
      filename: 'movie.mp4',
      parentId: 'p',
      mode: 'OVERWRITE',
      autorename: 'false',
    });
  });

  it('the fingerprint is the file, the server, the folder and the outcome', () => {
    const file = { name: 'a.bin', type: '', size: 20, lastModified: 5 };
    const add = fingerprintOf(file, { parentId: 'p', replace: false }, 'http://h/tus/');
    expect(fingerprintOf({ ...file }, { parentId: 'p', replace: false }, 'http://h/tus/')).toBe(add);
    const others = [
      fingerprintOf(file, { parentId: 'p', replace: true }, 'http://h/tus/'),
      fingerprintOf(file, { parentId: 'q', replace: false }, 'http://h/tus/'),
      fingerprintOf(file, { parentId: 'p', replace: false }, 'http://other/tus/'),
      fingerprintOf({ ...file, lastModified: 6 }, { parentId: 'p', replace: false }, 'http://h/tus/'),
      fingerprintOf({ ...file, size: 21 }, { parentId: 'p', replace: false }, 'http://h/tus/'),
    ];
    expect(new Set([add, ...others]).size).toBe(6);
  });
});

describe("the server's refusals, in the multipart path's words", () => {
  it("says the server's message for a refused creation or commit", () => {
    const quota = refusal('QUOTA_EXCEEDED', 'This would exceed your storage quota.');
    expect(tusErrorMessage(413, quota)).toBe('This would exceed your storage quota.');
    expect(tusErrorMessage(409, refusal('NAME_TAKEN', 'An entry with this name already exists in the folder.'))).toBe(
      'An entry with this name already exists in the folder.',
    );
    expect(tusErrorMessage(400, refusal('INVALID_NAME', 'Names cannot contain "/".'))).toBe('Names cannot contain "/".');
  });

  it('falls back to the same sentences as the GraphQL error types', () => {
    expect(tusErrorMessage(507, { errors: [{ extensions: { code: 'QUOTA_EXCEEDED' } }] })).toBe(
      'There is not enough space left in your storage.',
    );
    expect(tusErrorMessage(409, { errors: [{ extensions: { code: 'CONFLICT' } }] })).toBe('The file changed meanwhile.');
    expect(tusErrorMessage(413, null)).toBe('The file is larger than this server accepts.');
    expect(tusErrorMessage(507, null)).toBe('There is not enough space left in your storage.');
    expect(tusErrorMessage(502, null)).toBe('The upload failed: the server answered 502.');
  });

  it('no answer at all: the connection, and how to go on', () => {
    expect(tusErrorMessage(0, null)).toBe(CONNECTION_LOST);
    expect(CONNECTION_LOST).toContain('Choose the file again to resume');
  });

  it('reads JSON bodies and ignores anything else', () => {
    expect(parseBody('{"errors":[{"message":"m"}],"correctOffset":5}')).toEqual({
      errors: [{ message: 'm' }],
      correctOffset: 5,
    });
    expect(parseBody('<html>')).toBeNull();
    expect(parseBody('')).toBeNull();
    expect(parseBody(null)).toBeNull();
  });
});

describe('what is retried', () => {
  it('network errors, server hiccups and a wrong offset: yes', () => {
    expect(shouldRetry(0, null)).toBe(true);
    expect(shouldRetry(500, null)).toBe(true);
    expect(shouldRetry(503, refusal('SERVICE_UNAVAILABLE', 'busy'))).toBe(true);
    expect(shouldRetry(429, null)).toBe(true);
    expect(shouldRetry(423, null)).toBe(true);
    expect(shouldRetry(409, { ...refusal('INCORRECT_OFFSET', 'The upload is at offset 5.'), correctOffset: 5 })).toBe(
      true,
    );
  });

  it('a refusal of the file itself: no', () => {
    expect(shouldRetry(409, refusal('NAME_TAKEN', 'taken'))).toBe(false);
    expect(shouldRetry(409, refusal('CONFLICT', 'changed'))).toBe(false);
    expect(shouldRetry(413, refusal('QUOTA_EXCEEDED', 'full'))).toBe(false);
    expect(shouldRetry(507, refusal('QUOTA_EXCEEDED', 'full'))).toBe(false);
    expect(shouldRetry(400, refusal('INVALID_NAME', 'bad'))).toBe(false);
    expect(shouldRetry(401, refusal('UNAUTHENTICATED', 'signed out'))).toBe(false);
    expect(shouldRetry(403, null)).toBe(false);
  });
});
