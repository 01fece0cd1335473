import { describe, expect, it } from 'vitest';
import { installCommand } from './clipboard';

describe('the install command', () => {
  it('names this server and its own wheel', () => {
    expect(installCommand('http://192.168.1.5:8000', '0.1.0')).toBe(
      'pipx install http://192.168.1.5:8000/client/dropbox_lite-0.1.0-py3-none-any.whl',
    );
  });
});
