import { useEffect, useState } from 'preact/hooks';
import { request } from '../api/client';
import { RestoreRevisionMutation, RevisionsQuery } from '../api/operations';
import type { RevisionsQuery as RevisionsResult } from '../gql/graphql';
import { describeError, describeFailure } from '../lib/errors';
import { formatBytes, formatDate } from '../lib/format';
import { Dialog } from './Dialog';
import type { Entry } from './EntryTable';

type Revision = Extract<NonNullable<RevisionsResult['entry']>, { revisions: unknown }>['revisions'][number];

export function VersionsDialog({
  entry,
  readOnly = false,
  onChanged,
  onClose,
}: {
  entry: Entry;
  /** In a folder shared with you as a Viewer: old versions can be downloaded, not restored. */
  readOnly?: boolean;
  onChanged: () => void;
  onClose: () => void;
}) {
  const [current, setCurrent] = useState<number | null>(null);
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function load() {
    try {
      const found = (await request(RevisionsQuery, { id: entry.id })).entry;
      if (found && 'revisions' in found) {
        setCurrent(found.rev);
        setRevisions(found.revisions);
      } else {
        setRevisions([]);
      }
    } catch (failure) {
      setError(describeFailure(failure));
    }
  }
  useEffect(() => {
    void load();
  }, [entry.id]);

  async function restore(rev: number) {
    setError(null);
    try {
      const result = (await request(RestoreRevisionMutation, { fileId: entry.id, rev })).restoreRevision;
      if (result.__typename === 'File') {
        setMessage(`Revision ${rev} is the current version again (now revision ${result.rev}).`);
        onChanged();
        await load();
      } else {
        setError(describeError(result));
      }
    } catch (failure) {
      setError(describeFailure(failure));
    }
  }

  return (
    <Dialog title={`Versions of “${entry.name}”`} onClose={onClose} wide>
      {revisions === null ? (
        <p class="muted">Loading…</p>
      ) : (
        <table class="entries">
          <caption class="visually-hidden">Versions</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col" class="num">
                Size
              </th>
              <th scope="col">Saved</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((revision) => (
              <tr key={revision.rev}>
                <th scope="row">
                  Revision {revision.rev}
                  {revision.rev === current && ' '}
                  {revision.rev === current && <span class="badge">current</span>}
                </th>
                <td class="num muted">{formatBytes(revision.size)}</td>
                <td class="muted">{formatDate(revision.createdAt)}</td>
                <td class="actions">
                  <a class="button-link" href={revision.downloadUrl} download>
                    Download
                  </a>
                  {revision.rev !== current && !readOnly && (
                    <button type="button" onClick={() => void restore(revision.rev)}>
                      Restore
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {message && (
        <p role="status" class="form-note">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      <div class="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
