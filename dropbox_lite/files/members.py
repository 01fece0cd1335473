"""Memberships of shared folders are sharing's: sharing/members.py (issue 19 item 3).

Re-exported here for files' modules that still read them as `files.members` (listing,
writes, tree, session_append, purge). These are the same function objects as
sharing.members', so a test that patches one of them must patch it where its caller
looks it up: here for those modules, in sharing.members for files/access.py and
files/shares.py.
"""

from __future__ import annotations

from dropbox_lite.sharing.members import EDITOR as EDITOR
from dropbox_lite.sharing.members import MEMBERSHIPS as MEMBERSHIPS
from dropbox_lite.sharing.members import ROLES as ROLES
from dropbox_lite.sharing.members import VIEWER as VIEWER
from dropbox_lite.sharing.members import add as add
from dropbox_lite.sharing.members import count as count
from dropbox_lite.sharing.members import find as find
from dropbox_lite.sharing.members import membership_id as membership_id
from dropbox_lite.sharing.members import of_owner as of_owner
from dropbox_lite.sharing.members import of_share as of_share
from dropbox_lite.sharing.members import of_shares as of_shares
from dropbox_lite.sharing.members import of_user as of_user
from dropbox_lite.sharing.members import release_mount as release_mount
from dropbox_lite.sharing.members import remove as remove
from dropbox_lite.sharing.members import set_role as set_role
