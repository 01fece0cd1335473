import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dialog } from './Dialog';

afterEach(() => {
  document.body.replaceChildren();
});

describe('Dialog', () => {
  it('opens modal, closes on Escape and gives focus back to its opener', async () => {
    // jsdom has <dialog> but not its modal methods.
    HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
      this.removeAttribute('open');
    };
    const opener = document.createElement('button');
    const root = document.createElement('div');
    document.body.append(opener, root);
    opener.focus();
    const onClose = vi.fn();
    await act(() => {
      render(
        <Dialog title="Share" onClose={onClose}>
          <input aria-label="Username" />
        </Dialog>,
        root,
      );
    });
    const dialog = root.querySelector('dialog')!;
    await vi.waitFor(() => expect(dialog.open).toBe(true));
    expect(dialog.getAttribute('aria-labelledby')).toBe(dialog.querySelector('h2')!.id);
    root.querySelector('input')!.focus();
    const cancel = new Event('cancel', { cancelable: true });
    dialog.dispatchEvent(cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(onClose).toHaveBeenCalledTimes(1);
    await act(() => render(null, root));
    expect(document.activeElement).toBe(opener);
  });
});
