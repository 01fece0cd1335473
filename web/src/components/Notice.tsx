import { useEffect, useState } from 'preact/hooks';

export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface NoticeMessage {
  text: string;
  kind: 'info' | 'error';
  at: number;
  action?: NoticeAction;
}

let push: ((message: NoticeMessage) => void) | null = null;

/** A line of news; `action` adds one button to it (such as "Undo"). */
export function notify(text: string, kind: 'info' | 'error' = 'info', action?: NoticeAction): void {
  push?.({ text, kind, at: Date.now(), action });
}

/** One line of feedback: role=status for news, role=alert for failures. */
export function Notice() {
  const [message, setMessage] = useState<NoticeMessage | null>(null);
  useEffect(() => {
    push = setMessage;
    return () => {
      push = null;
    };
  }, []);
  useEffect(() => {
    if (!message || message.kind === 'error') return;
    const timer = window.setTimeout(() => setMessage(null), message.action ? 10000 : 6000);
    return () => window.clearTimeout(timer);
  }, [message]);
  return (
    <div class="notice-area">
      <p role="status" class="notice">
        {message?.kind === 'info' ? message.text : ''}
        {message?.kind === 'info' && message.action && (
          <>
            {' '}
            <button
              type="button"
              class="link-button"
              onClick={() => {
                message.action?.run();
                setMessage(null);
              }}
            >
              {message.action.label}
            </button>
          </>
        )}
      </p>
      {message?.kind === 'error' && (
        <p role="alert" class="notice notice-error">
          {message.text}{' '}
          <button type="button" class="link-button" onClick={() => setMessage(null)}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
