"""Files and folders: store_file, fetch_file, list_children, folders, trash, revisions.

Every metadata change is a conditional write (invariant 2): an insert that the
unique (owner, parent, slot) index may refuse, or an update filtered on what was
read (`rev`, `parent_id`, `trashed`). Every change takes a sequence number from
the owner's journal and writes it onto the entry (invariant 3).

The service is split along its seams; this module is its one public face, so the
seed's task names (and every other name callers use) are imported from here:

- records: the records returned (EntryRecord, RevisionRecord, EntryPage, Usage)
- entries: one entry by id or path, the root folder
- listing: folder listings, the trash, search, and their cursors
- quota: usage, and the reservation of bytes in a claimed ledger (invariant 4)
- repair: the upkeep pass (dead writers' claims and bytes, expired history)
- revisions: file history, fetch_file, committing and restoring revisions
- writes: store_file with its write modes, conflicted copies
- tree: create, rename, move, copy, trash, restore and purge entries
- shares: folders shared with other users (members, mounts); access: who sees what

Beneath them, store.py holds every query on entries and revisions and the one
constructor of their documents; the services take and return records.
"""

from __future__ import annotations

from dropbox_lite.files.copies import copy_entry
from dropbox_lite.files.entries import (
    PathNode,
    account_maker,
    child_by_name,
    create_root_folder,
    entry_owner,
    entry_path,
    get_entry,
    get_folder,
    load_path_nodes,
    resolve_path,
)
from dropbox_lite.files.entry_doc import EntryDoc, changed
from dropbox_lite.files.listing import (
    MAX_PAGE,
    MAX_SEARCH,
    child_cursor,
    count_children,
    list_children,
    list_trash,
    search,
    trash_cursor,
)
from dropbox_lite.files.operations import finish_abandoned
from dropbox_lite.files.purge import purge_entry
from dropbox_lite.files.quota import usage
from dropbox_lite.files.records import (
    FALLBACK_MIME,
    EntryPage,
    EntryRecord,
    RevisionRecord,
    Seen,
    Usage,
    entry_record,
    mime_type_for,
    now,
    oid,
    revision_record,
)
from dropbox_lite.files.repair import RepairReport, repair
from dropbox_lite.files.revisions import (
    MAX_ATTEMPTS,
    MAX_REVISIONS,
    commit_revision,
    fetch_file,
    get_revision,
    list_revisions,
    read_file_bytes,
    restore_revision,
)
from dropbox_lite.files.shares import (
    MemberRecord,
    MountRecord,
    SharedRecord,
    add_member,
    forget_user,
    leave,
    member_list,
    mounts,
    remove_member,
    set_member_role,
    shared_records,
    usernames,
)
from dropbox_lite.files.trashing import Since, delete_entry, restore_entry
from dropbox_lite.files.tree import create_folder, move_entry, rename_entry
from dropbox_lite.files.writes import WRITE_MODES, store_conflicted_copy, store_file

__all__ = [
    "account_maker",
    "MemberRecord",
    "MountRecord",
    "SharedRecord",
    "mounts",
    "add_member",
    "forget_user",
    "leave",
    "member_list",
    "remove_member",
    "set_member_role",
    "shared_records",
    "usernames",
    "FALLBACK_MIME",
    "EntryDoc",
    "Seen",
    "MAX_ATTEMPTS",
    "MAX_PAGE",
    "MAX_REVISIONS",
    "MAX_SEARCH",
    "PathNode",
    "WRITE_MODES",
    "EntryPage",
    "EntryRecord",
    "RepairReport",
    "RevisionRecord",
    "Usage",
    "child_by_name",
    "child_cursor",
    "commit_revision",
    "copy_entry",
    "count_children",
    "create_folder",
    "create_root_folder",
    "delete_entry",
    "Since",
    "finish_abandoned",
    "entry_owner",
    "entry_path",
    "entry_record",
    "changed",
    "fetch_file",
    "get_entry",
    "get_folder",
    "get_revision",
    "list_children",
    "list_revisions",
    "list_trash",
    "load_path_nodes",
    "mime_type_for",
    "move_entry",
    "now",
    "oid",
    "purge_entry",
    "read_file_bytes",
    "rename_entry",
    "repair",
    "resolve_path",
    "restore_entry",
    "restore_revision",
    "revision_record",
    "search",
    "store_conflicted_copy",
    "store_file",
    "trash_cursor",
    "usage",
]
