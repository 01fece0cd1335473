import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogoutMutation } from './operations';
import { multipartBody, request, RequestError, resultOf } from './client';
import { getToken, setToken } from '../lib/session';

afterEach(() => {
  setToken(null);
  vi.unstubAllGlobals();
});

describe('multipartBody', () => {
  it('follows the GraphQL multipart request spec', async () => {
    const form = multipartBody('mutation($file: Upload!) { x }', { parentId: 'p' }, 'file', new Blob(['hi']), 'a.txt');
    expect(JSON.parse(form.get('operations') as string)).toEqual({
      query: 'mutation($file: Upload!) { x }',
      variables: { parentId: 'p', file: null },
    });
    expect(JSON.parse(form.get('map') as string)).toEqual({ '0': ['variables.file'] });
    const part = form.get('0') as File;
    expect(part.name).toBe('a.txt');
    expect(await part.text()).toBe('hi');
  });
});

describe('resultOf', () => {
  it('returns data, and turns errors[] into a RequestError with its code', () => {
    expect(resultOf({ data: { a: 1 } }, 200)).toEqual({ a: 1 });
    expect(() => resultOf({ errors: [{ message: 'Nope.', extensions: { code: 'NOT_FOUND' } }] }, 200)).toThrow(
      new RequestError('Nope.', 'NOT_FOUND'),
    );
    expect(() => resultOf({}, 502)).toThrow('The server answered 502.');
  });

  it('signs out when the server no longer knows the token', () => {
    setToken('old');
    expect(() => resultOf({ errors: [{ message: 'Sign in.', extensions: { code: 'UNAUTHENTICATED' } }] }, 200)).toThrow();
    expect(getToken()).toBeNull();
  });
});

describe('request', () => {
  it('posts JSON with the bearer token in a header, never in the URL', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ data: { logout: true } })));
    vi.stubGlobal('fetch', fetch);
    setToken('secret-token');
    expect(await request(LogoutMutation)).toEqual({ logout: true });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer secret-token');
    expect(JSON.parse(init.body as string).query).toContain('mutation Logout');
    expect(sessionStorage.getItem('dropbox-lite.token')).toBe('secret-token');
  });

  it('words a network failure', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(request(LogoutMutation)).rejects.toThrow(/Could not reach the server/);
  });
});
