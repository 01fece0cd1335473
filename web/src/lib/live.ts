// The open folder follows the server: the `changes` subscription (graphql-transport-ws,
// spoken here in a few lines rather than with a library) brings each changed entry as it
// is now, and the store writes it into every list that holds it.
import { request } from '../api/client';
import { LatestCursorQuery, LiveChangesSubscription } from '../api/operations';
import type { LiveChangesSubscription as LiveChangesResult } from '../gql/graphql';

export type LiveChange = LiveChangesResult['changes']['changes'][number];

export interface LiveOptions {
  token: string;
  onChange: (changes: LiveChange[]) => void;
}

function socketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`;
}

/** Follows the feed until the returned function is called; reconnects after a drop. */
export function followChanges({ token, onChange }: LiveOptions): () => void {
  let stopped = false;
  let socket: WebSocket | null = null;
  let retry = 1000;
  let timer = 0;

  async function connect() {
    let cursor: string;
    try {
      cursor = (await request(LatestCursorQuery)).latestCursor;
    } catch {
      schedule();
      return;
    }
    if (stopped) return;
    const ws = new WebSocket(socketUrl(), 'graphql-transport-ws');
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${token}` } }));
    ws.onmessage = (event: MessageEvent<string>) => {
      let message: { type?: string; payload?: { data?: LiveChangesResult } };
      try {
        message = JSON.parse(event.data) as typeof message;
      } catch {
        return;
      }
      if (message.type === 'connection_ack') {
        retry = 1000;
        ws.send(
          JSON.stringify({
            id: 'changes',
            type: 'subscribe',
            payload: { query: LiveChangesSubscription.toString(), variables: { cursor } },
          }),
        );
      } else if (message.type === 'ping') {
        ws.send(JSON.stringify({ type: 'pong' }));
      } else if (message.type === 'next') {
        const page = message.payload?.data?.changes;
        if (page && page.changes.length > 0) onChange(page.changes);
      }
    };
    ws.onclose = () => {
      if (socket === ws) socket = null;
      schedule();
    };
  }

  function schedule() {
    if (stopped) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void connect(), retry);
    retry = Math.min(retry * 2, 30000);
  }

  void connect();
  return () => {
    stopped = true;
    window.clearTimeout(timer);
    socket?.close();
  };
}
