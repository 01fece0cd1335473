import { describe, expect, it } from 'vitest';
import { breadcrumb, browseUrl, normalizePath, parentPath, pathFromUrl } from './paths';

describe('browse URLs', () => {
  it('round-trip paths with spaces, unicode and reserved characters', () => {
    for (const path of ['/', '/Docs', '/Docs/2026 plans', '/Café/a#b?c%d']) {
      expect(pathFromUrl(new URL(browseUrl(path), 'http://x').pathname)).toBe(path);
    }
  });

  it('maps the root to /', () => {
    expect(browseUrl('/')).toBe('/');
    expect(pathFromUrl('/')).toBe('/');
    expect(pathFromUrl('/browse')).toBe('/');
    expect(pathFromUrl('/browse/')).toBe('/');
  });

  it('keeps a malformed escape as typed', () => {
    expect(pathFromUrl('/browse/100%')).toBe('/100%');
  });
});

describe('breadcrumb', () => {
  it('lists every ancestor from All files', () => {
    expect(breadcrumb('/a/b')).toEqual([
      { name: 'All files', path: '/' },
      { name: 'a', path: '/a' },
      { name: 'b', path: '/a/b' },
    ]);
    expect(breadcrumb('/')).toEqual([{ name: 'All files', path: '/' }]);
  });
});

describe('parentPath and normalizePath', () => {
  it('work on the server form', () => {
    expect(parentPath('/a/b.txt')).toBe('/a');
    expect(parentPath('/a')).toBe('/');
    expect(normalizePath(' Docs/ ')).toBe('/Docs');
    expect(normalizePath('/a//b/')).toBe('/a/b');
    expect(normalizePath('')).toBe('/');
  });
});
