import { describe, expect, it } from 'vitest';
import { decodeStart, previewKind } from './preview';

describe('previewKind', () => {
  it('goes by the type first, then by the name', () => {
    expect(previewKind('a.bin', 'image/png')).toBe('image');
    expect(previewKind('report.pdf', 'application/octet-stream')).toBe('pdf');
    expect(previewKind('song.mp3', null)).toBe('audio');
    expect(previewKind('clip.webm', 'video/webm')).toBe('video');
    expect(previewKind('main.py', 'application/octet-stream')).toBe('text');
    expect(previewKind('logo.svg', 'image/svg+xml')).toBe('text');
    expect(previewKind('archive.zip', 'application/zip')).toBe('none');
  });
});

describe('decodeStart', () => {
  it('drops a character cut at the end of a truncated read', () => {
    const bytes = new TextEncoder().encode('héllo é');
    expect(decodeStart(bytes.slice(0, bytes.length - 1), true)).toBe('héllo ');
    expect(decodeStart(bytes, false)).toBe('héllo é');
  });
});
