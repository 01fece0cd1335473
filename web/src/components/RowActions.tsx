import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface RowAction {
  /** The button's accessible name ("Rename"): shown in the narrow-screen menu, an icon on wide screens. */
  label: string;
  icon: string;
  onClick: () => void;
  disabled?: boolean;
  danger?: boolean;
  /** The tooltip ("Rename notes.txt", or why it is off). */
  title?: string;
}

/**
 * A row's actions: icon buttons (named by their labels) on wide screens; on narrow ones,
 * one "Actions for {name}" button that opens them as a menu of full-size buttons.
 */
export function RowActions({ name, actions }: { name: string; actions: RowAction[] }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    // A menu opened near the bottom of the screen scrolls into sight.
    wrap.current?.querySelector('.row-actions')?.scrollIntoView?.({ block: 'nearest' });
    const away = (event: Event) => {
      if (!wrap.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        wrap.current?.querySelector<HTMLButtonElement>('.row-menu-button')?.focus();
      }
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);
  return (
    <div class={open ? 'row-actions-wrap open' : 'row-actions-wrap'} ref={wrap}>
      <button
        type="button"
        class="row-menu-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`Actions for ${name}`}
        onClick={() => setOpen(!open)}
      >
        <span class="i i-more" aria-hidden="true" />
      </button>
      <div class="row-actions" role="group" aria-label={`Actions for ${name}`} id={id}>
        {actions.map((action) => (
          <button
            key={action.label}
            type="button"
            class={action.danger ? 'danger-text' : undefined}
            title={action.title ?? `${action.label} ${name}`}
            disabled={action.disabled}
            onClick={() => {
              setOpen(false);
              action.onClick();
            }}
          >
            <span class={`i i-${action.icon}`} aria-hidden="true" />
            <span class="row-action-label">{action.label}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
