import { afterEach, describe, expect, it } from 'vitest';
import { DEVICE_KEY, deviceKey, newDeviceKey } from './session';

afterEach(() => localStorage.clear());

describe('the device key', () => {
  it('is random, URL-safe and within the server\'s 128 characters', () => {
    const one = newDeviceKey();
    expect(one).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newDeviceKey()).not.toBe(one);
  });

  it('is made once and kept in localStorage: one browser, one key', () => {
    const first = deviceKey();
    expect(localStorage.getItem(DEVICE_KEY)).toBe(first);
    expect(deviceKey()).toBe(first);
  });
});
