import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatUsage, percent } from './format';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1024, '1.0 KiB'],
    [1536, '1.5 KiB'],
    [10 * 1024 * 1024, '10 MiB'],
    [3 * 1024 ** 4, '3.0 TiB'],
  ])('%d -> %s', (bytes, shown) => expect(formatBytes(bytes)).toBe(shown));

  it('shows nothing for nonsense', () => {
    expect(formatBytes(-1)).toBe('');
    expect(formatBytes(Number.NaN)).toBe('');
  });
});

describe('formatUsage', () => {
  it('says the quota when there is one', () => {
    expect(formatUsage(1024, 1024 ** 3)).toBe('1.0 KiB of 1.0 GiB used');
    expect(formatUsage(0, null)).toBe('0 bytes used');
  });
});

describe('formatDate', () => {
  it('shows a time today and a date otherwise', () => {
    const now = new Date('2026-11-25T12:00:00');
    expect(formatDate('2026-11-25T09:30:00', now)).toMatch(/09|9/);
    expect(formatDate('2025-01-02T09:30:00', now)).toMatch(/2025/);
    expect(formatDate('not a date', now)).toBe('');
  });
});

describe('percent', () => {
  it('is bounded and rounded', () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(1, 3)).toBe(33);
    expect(percent(5, 4)).toBe(100);
  });
});
