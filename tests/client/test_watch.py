"""Watch mode's server side: when the WebSocket fails it long-polls `waitForChanges`."""

from __future__ import annotations

import asyncio

from dropbox_lite.client.progress import Reporter
from dropbox_lite.client.state import State
from dropbox_lite.client.watch import _follow_server, woken
from tests.client.conftest import MakeDevice
from tests.mongo_server import free_port


async def test_without_a_websocket_another_devices_change_wakes_it_by_long_poll(
    device: MakeDevice,
) -> None:
    one, two = await device("one"), await device("two")
    await one.sync()
    state = State(one.folder / ".dropbox-lite" / "state.db")
    engine = one.engine(state)
    reporter = Reporter(bar=False)
    engine.reporter = reporter
    wake, idle = asyncio.Event(), asyncio.Event()
    nowhere = f"http://127.0.0.1:{free_port()}"  # nothing listens: the WebSocket fails
    follower = asyncio.create_task(_follow_server(engine, nowhere, one.token, wake, idle))
    try:
        await asyncio.sleep(0.5)
        assert not wake.is_set()
        (two.folder / "new.txt").write_text("from two")
        await two.sync()
        await asyncio.wait_for(wake.wait(), 30)
    finally:
        follower.cancel()
        await asyncio.gather(follower, return_exceptions=True)
        state.close()
    assert any("polling instead" in line for line in reporter.warned)


async def test_a_stop_that_lands_as_a_wake_does_still_stops_the_watch() -> None:
    """Ctrl-C in the very step a change wakes the loop (seen in CI: a client that never
    stopped). asyncio.wait_for on Python 3.11 returned the wake and dropped the cancel."""

    async def loop(wake: asyncio.Event) -> None:  # watch()'s loop, without the sync
        while True:
            await woken(wake, 60)
            wake.clear()
            await asyncio.sleep(0.01)

    wake = asyncio.Event()
    watching = asyncio.create_task(loop(wake))
    await asyncio.sleep(0.05)
    wake.set()
    watching.cancel()
    done, _ = await asyncio.wait([watching], timeout=5)
    assert done == {watching} and watching.cancelled()


async def test_woken_returns_when_set_or_after_its_time() -> None:
    wake = asyncio.Event()
    wake.set()
    await asyncio.wait_for(woken(wake, 60), 5)  # set: at once
    await asyncio.wait_for(woken(asyncio.Event(), 0.01), 5)  # never set: after its time
