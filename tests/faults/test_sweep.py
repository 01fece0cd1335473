"""The fault sweep: every operation killed after each of its database commands.

One test per (operation, invariant): it fails with every (k, phase, what was seen)
that breaks the invariant. Cases that fail today are strict xfails naming what
breaks (KNOWN below): a fix turns one into XPASS, which fails the run until its
entry is removed from KNOWN. See tests/faults/sweep.py for what a case does.
"""

from __future__ import annotations

import pytest

from tests.faults.conftest import RESULTS, sweep_result
from tests.faults.operations import OPERATIONS

pytestmark = [pytest.mark.server_only, pytest.mark.usefixtures("drop_fault_databases")]

INVARIANTS = ("whole", "leak", "quota", "trash-history", "feed", "account", "error")

# (operation, invariant) -> what breaks today (issue 18). Remove an entry when it passes.
# k counts the operation's commands as of the commit that wrote this table.
KNOWN: dict[tuple[str, str], str] = {
    ("move_into_share", "whole"): "k=10-14: /private/dir-p moved into /shared but "
    "dir-p/f-p2.txt keeps share=None (the restamp below is cut short and never finished)",
    ("move_into_share", "leak"): "k=10-14: bob and carol list /shared/dir-p/f-p2.txt "
    "but entry(id) denies it",
    ("move_into_share", "feed"): "k=10-14: members' feeds lack /shared/dir-p/f-p2.txt "
    "that their listing shows",
    ("move_out_of_share", "whole"): "k=9-26: entries below /private/dir-a keep the "
    "share's share_id (restamp cut short, never finished)",
    ("move_out_of_share", "leak"): "issue 18 #1, k=9-26: bob and carol read by id, "
    "search, feed and download files in alice's now private /private/dir-a, the probe "
    "uploaded there after the restart included",
    ("move_out_of_share", "feed"): "k=9-26: bob's and carol's feeds keep "
    "/private/dir-a's files, which their listing no longer shows",
    ("move_between_shares", "whole"): "k=9-26: entries below /shared2/dir-a keep "
    "/shared's share_id",
    ("move_between_shares", "feed"): "k=9-26: bob's feed keeps /shared2/dir-a's files "
    "(he is no member of /shared2)",
    ("delete_folder", "whole"): "issue 18 #9, k=8-13: dir-a trashed, nothing below it; "
    "k=14-25: some of dir-a's files stay live under the trashed folder",
    ("delete_folder", "feed"): "k=8-25: every feed keeps the live children of the trashed dir-a",
    ("restore_folder", "whole"): "issue 18 #2, k=9-13: dir-t restored but "
    "dir-t/f-t2.txt stays trashed (and is in no trash listing)",
    ("purge_folder", "whole"): "k=9-14: dir-t's contents purged, dir-t itself stays in the trash",
    ("share_folder", "whole"): "k=13-21: dave's mount without his membership "
    "(or neither half); k=22,23: mount without membership",
    ("share_folder", "leak"): "issue 18 #3, k=22,23: dave's feed serves /private's "
    "entries, and files uploaded later, that entry(id) denies him",
    ("share_folder", "feed"): "k=22,23: dave's feed lists /private's entries, his listing does not",
    ("remove_member", "whole"): "k=11,13: carol's membership gone, her mount stays",
    ("remove_member", "leak"): "issue 18 #3, k=11,13: carol's feed serves "
    "/shared/dir-a's entries that entry(id) denies her",
    ("remove_member", "feed"): "also un-faulted: carol's feed from her old cursor never "
    "drops the mount's entries; k=11,13: her feed from the start keeps them too",
    ("leave_folder", "whole"): "k=7,9: bob's membership gone, his mount stays",
    ("leave_folder", "leak"): "k=7,9: bob's feed serves /shared's entries that "
    "entry(id) denies him",
    ("leave_folder", "feed"): "also un-faulted: bob's feed from his old cursor never "
    "drops the mount's entries; k=7,9: his feed from the start keeps them too",
    ("signup", "whole"): "issue 18 #6, k=6,8: the user exists without a root folder",
    ("signup", "account"): "issue 18 #6, k=6,8: erin signs in and her upload "
    "'succeeds' into a root that does not exist (no listing shows it)",
    ("admin_create_user", "whole"): "issue 18 #6, k=2,4: the user exists without a root",
    ("admin_create_user", "account"): "issue 18 #6, k=2,4: frank's upload lands in a "
    "root that does not exist",
    ("upload_new", "whole"): "issue 18 #8, k=16,17: f-new.txt is there, its revision "
    "record is lost",
    ("resolve_conflict_keep_both", "whole"): "k=23,24: the conflicted copy is there, "
    "its revision record is lost",
}


def _cases() -> list[object]:
    params: list[object] = []
    for op in OPERATIONS:
        for invariant in INVARIANTS:
            if invariant == "account" and not op.creates_user:
                continue
            marks = []
            reason = KNOWN.get((op.name, invariant))
            if reason:
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            params.append(
                pytest.param(op.name, invariant, marks=marks, id=f"{op.name}-{invariant}")
            )
    return params


@pytest.mark.parametrize(("op_name", "invariant"), _cases())
async def test_fault_sweep(mongo_uri: str, op_name: str, invariant: str) -> None:
    result = await sweep_result(mongo_uri, op_name)
    assert result.n > 0, f"{op_name} sent no command"
    assert not result.unkilled, f"{op_name}: ended before kill points {result.unkilled}"
    found = result.by_invariant(invariant)
    assert not found, result.report(invariant)


def test_fault_sweep_ran_cases() -> None:
    """Runs after the sweep tests: the count of (operation, kill point) cases."""
    if not RESULTS:
        pytest.skip("no sweep test ran in this session")
    cases = sum(r.cases for r in RESULTS.values())
    points = sum(len(r.covered) for r in RESULTS.values())
    print(f"fault sweep: {cases} cases run for {points} kill points")
    assert cases > 0 and points >= cases
