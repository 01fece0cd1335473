"""Every query on `users`, `sessions` and `invites`, in two modules re-exported here so
that importers keep `from dropbox_lite.auth import store` (and tests patch `store.<name>`,
where the services look it up):

- auth/user_store.py: users, last_seen, invites (and invite_claims); Taken.
- auth/session_store.py: sessions and app passwords (each backed by a session).

The documents are TypedDicts built there and nowhere else; records leave with their
timestamps made timezone-aware once (mongomock hands back naive UTC datetimes).
Claims that must hold under concurrency on FerretDB v1 (which isolates no update)
are unique-index inserts, never conditional updates. For the same reason nothing
frequent rewrites a user or a session that an admin or a sign-out also writes: an
update there rewrites the whole document, the last write winning. A revoked session
is deleted (a racing touch then updates nothing), and last use lives in `last_seen`.
"""

from __future__ import annotations

from dropbox_lite.auth.session_store import AppPasswordDoc as AppPasswordDoc
from dropbox_lite.auth.session_store import AppPasswordRecord as AppPasswordRecord
from dropbox_lite.auth.session_store import SessionDoc as SessionDoc
from dropbox_lite.auth.session_store import SessionRecord as SessionRecord
from dropbox_lite.auth.session_store import app_password_by_hash as app_password_by_hash
from dropbox_lite.auth.session_store import app_passwords_of as app_passwords_of
from dropbox_lite.auth.session_store import count_sessions as count_sessions
from dropbox_lite.auth.session_store import delete_app_password as delete_app_password
from dropbox_lite.auth.session_store import delete_user as delete_user
from dropbox_lite.auth.session_store import insert_app_password as insert_app_password
from dropbox_lite.auth.session_store import insert_session as insert_session
from dropbox_lite.auth.session_store import last_seen_by_user as last_seen_by_user
from dropbox_lite.auth.session_store import last_seen_of_live as last_seen_of_live
from dropbox_lite.auth.session_store import live_session as live_session
from dropbox_lite.auth.session_store import live_sessions as live_sessions
from dropbox_lite.auth.session_store import prune_app_passwords as prune_app_passwords
from dropbox_lite.auth.session_store import prune_sessions as prune_sessions
from dropbox_lite.auth.session_store import revoke_session as revoke_session
from dropbox_lite.auth.session_store import revoke_sessions as revoke_sessions
from dropbox_lite.auth.session_store import touch_session as touch_session
from dropbox_lite.auth.session_store import touch_sessions as touch_sessions
from dropbox_lite.auth.user_store import InviteDoc as InviteDoc
from dropbox_lite.auth.user_store import InviteRecord as InviteRecord
from dropbox_lite.auth.user_store import Taken as Taken
from dropbox_lite.auth.user_store import UserDoc as UserDoc
from dropbox_lite.auth.user_store import UserRecord as UserRecord
from dropbox_lite.auth.user_store import claim_invite as claim_invite
from dropbox_lite.auth.user_store import insert_invite as insert_invite
from dropbox_lite.auth.user_store import insert_user as insert_user
from dropbox_lite.auth.user_store import list_users as list_users
from dropbox_lite.auth.user_store import mark_invite_used as mark_invite_used
from dropbox_lite.auth.user_store import prune_invites as prune_invites
from dropbox_lite.auth.user_store import release_invite as release_invite
from dropbox_lite.auth.user_store import replace_password_hash as replace_password_hash
from dropbox_lite.auth.user_store import set_disabled as set_disabled
from dropbox_lite.auth.user_store import set_quota as set_quota
from dropbox_lite.auth.user_store import user_by_id as user_by_id
from dropbox_lite.auth.user_store import user_by_name as user_by_name
from dropbox_lite.auth.user_store import username_in_use as username_in_use
