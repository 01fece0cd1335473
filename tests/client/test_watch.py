"""Watch mode's server side: when the WebSocket fails it long-polls `waitForChanges`."""

from __future__ import annotations

import asyncio

from dropbox_lite.client.progress import Reporter
from dropbox_lite.client.state import State
from dropbox_lite.client.watch import _follow_server
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
