import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeLink, LinkRow } from './ShareDialog';

afterEach(() => {
  document.body.replaceChildren();
});

const base = {
  id: 'l1',
  access: 'VIEWER' as const,
  expiresAt: null,
  hasPassword: false,
  createdAt: '2026-12-01T10:00:00Z',
  downloadCount: 2,
};

describe('the Share dialog', () => {
  it('describes a link by what visitors may do', () => {
    expect(describeLink(base)).toBe('view only · no expiry · 2 downloads');
    expect(describeLink({ ...base, access: 'UPLOAD_ONLY', hasPassword: true })).toBe('upload only · password · no expiry');
  });

  it('lists a live link with its URL and Copy, on the browser origin when the server listens everywhere', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => {
      render(
        <ul>
          <LinkRow link={{ ...base, url: 'http://0.0.0.0:8000/s/tok' }} onRevoke={vi.fn()} onCopied={vi.fn()} />
        </ul>,
        root,
      );
    });
    const input = root.querySelector('input') as HTMLInputElement;
    expect(input.value).toBe(`${window.location.origin}/s/tok`);
    const names = [...root.querySelectorAll('button')].map((button) => button.getAttribute('aria-label') ?? button.textContent);
    expect(names.some((name) => name?.startsWith('Copy link created'))).toBe(true);
  });

  it('says when a link cannot be shown again, and offers only Revoke', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const onRevoke = vi.fn();
    await act(() => {
      render(
        <ul>
          <LinkRow link={{ ...base, url: null }} onRevoke={onRevoke} onCopied={vi.fn()} />
        </ul>,
        root,
      );
    });
    expect(root.querySelector('input')).toBeNull();
    expect(root.textContent).toContain('cannot be shown again');
    expect(root.textContent).toContain('revoke it and make a new one');
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons.map((button) => button.textContent)).toEqual(['Revoke']);
    buttons[0].click();
    expect(onRevoke).toHaveBeenCalledOnce();
  });
});
