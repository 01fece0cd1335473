import { useState } from 'preact/hooks';
import { Dialog } from './Dialog';

interface Props {
  title: string;
  action: string;
  initial: string;
  onSubmit: (name: string) => Promise<string | null>;
  onClose: () => void;
}

/** Asks for a name ("New folder", "Rename"); onSubmit answers an error sentence or null. */
export function NameDialog({ title, action, initial, onSubmit, onClose }: Props) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          const problem = await onSubmit(name);
          setBusy(false);
          if (problem) setError(problem);
          else onClose();
        }}
      >
        <label for="entry-name">Name</label>
        <input
          id="entry-name"
          required
          value={name}
          autoFocus
          onFocus={(event) => {
            const input = event.currentTarget;
            const dot = input.value.lastIndexOf('.');
            input.setSelectionRange(0, dot > 0 ? dot : input.value.length);
          }}
          onInput={(event) => setName(event.currentTarget.value)}
        />
        {error && (
          <p role="alert" class="form-error">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={busy}>
            {action}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
