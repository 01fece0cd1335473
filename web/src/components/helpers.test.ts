import { describe, expect, it } from 'vitest';
import { describeLink, expiryFromDate } from './ShareDialog';
import { downloadHref, shareUrl } from './SharePage';
import { deviceName } from './SignIn';

describe('share links', () => {
  it('download links ask for the bytes, not the page', () => {
    expect(downloadHref('http://h/s/t?sig=abc')).toBe('http://h/s/t?sig=abc&dl=1');
    expect(downloadHref('http://h/s/t')).toBe('http://h/s/t?dl=1');
  });

  it('browse inside a folder link by ?path=', () => {
    expect(shareUrl('tok', '/')).toBe('/s/tok');
    expect(shareUrl('tok', '/Day one/x')).toBe('/s/tok?path=Day%20one%2Fx');
  });

  it('expire at the end of the chosen day', () => {
    expect(expiryFromDate('')).toBeNull();
    expect(expiryFromDate('nonsense')).toBeNull();
    const end = new Date(expiryFromDate('2030-06-01') as string);
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours()]).toEqual([2030, 5, 1, 23]);
  });

  it('are described in words', () => {
    const link = {
      id: '1',
      access: 'EDITOR' as const,
      expiresAt: null,
      hasPassword: true,
      createdAt: '2026-01-01T00:00:00Z',
      downloadCount: 1,
    };
    expect(describeLink(link)).toBe('view and upload · password · no expiry · 1 download');
  });
});

describe('deviceName', () => {
  it('names the browser', () => {
    expect(deviceName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36')).toBe(
      'Web app (Chrome)',
    );
    expect(deviceName('Mozilla/5.0 Firefox/133.0')).toBe('Web app (Firefox)');
    expect(deviceName('curl/8')).toBe('Web app (a browser)');
  });
});
