// The playground at GET /graphql, bundled from npm so it works with no network.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';
import './graphiql.css';

const fetcher = createGraphiQLFetcher({ url: `${location.origin}/graphql` });
const token = sessionStorage.getItem('dropbox-lite.token');
const headers = token ? JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2) : undefined;

const container = document.getElementById('graphiql');
if (container) {
  createRoot(container).render(
    createElement(GraphiQL, {
      fetcher,
      defaultHeaders: headers,
      isHeadersEditorEnabled: true,
      defaultEditorToolsVisibility: headers ? 'headers' : false,
      defaultQuery: '{\n  serverInfo { version storageBackend }\n  me { username usage { usedBytes quotaBytes } }\n}\n',
    }),
  );
}
