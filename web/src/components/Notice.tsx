import { useEffect, useState } from 'preact/hooks';

export interface NoticeMessage {
  text: string;
  kind: 'info' | 'error';
  at: number;
}

let push: ((message: NoticeMessage) => void) | null = null;

export function notify(text: string, kind: 'info' | 'error' = 'info'): void {
  push?.({ text, kind, at: Date.now() });
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
    const timer = window.setTimeout(() => setMessage(null), 6000);
    return () => window.clearTimeout(timer);
  }, [message]);
  return (
    <div class="notice-area">
      <p role="status" class="notice">
        {message?.kind === 'info' ? message.text : ''}
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
