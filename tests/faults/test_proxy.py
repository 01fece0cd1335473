"""The wire proxy itself: it counts the app's commands, kills after the k-th, freezes."""

from __future__ import annotations

import asyncio

import pytest
from pymongo.errors import PyMongoError

from tests.faults.proxy import DROPPED_CONNECTIONS, WireProxy, command_name
from tests.faults.world import (
    CREATE_FOLDER,
    case_settings,
    drop,
    new_db_name,
    raw_client,
    running_app,
    upstream,
)

pytestmark = [
    pytest.mark.server_only,
    *DROPPED_CONNECTIONS,
]


def test_command_name_reads_op_msg_and_op_query() -> None:
    import bson

    doc = bson.encode({"insert": "entries", "$db": "x"})
    assert command_name(2013, b"\0\0\0\0" + b"\0" + doc) == "insert"
    query = b"\0\0\0\0" + b"admin.$cmd\0" + b"\0" * 8 + bson.encode({"isMaster": 1})
    assert command_name(2004, query) == "isMaster"
    assert command_name(2013, b"\0") == "opcode-2013"


async def test_counts_app_commands_and_kills_after_the_kth(mongo_uri: str) -> None:
    proxy = WireProxy(*upstream(mongo_uri))
    await proxy.start()
    client = raw_client(mongo_uri)
    name = new_db_name("proxy")
    try:
        settings = case_settings(proxy.uri(name), name)
        async with running_app(settings) as run:
            account = await run.gql.signup("proxied", "proxied-password-1")
            start = proxy.count
            made = await run.gql.data(CREATE_FOLDER, {"name": "one"}, token=account.token)
            assert made["createFolder"]["__typename"] == "Folder"
            n = proxy.count - start
            assert n >= 2, proxy.names(start)
            assert not any(c.lower() in {"hello", "ismaster"} for c in proxy.names())
            # Kill after the first command of the next createFolder: nothing else arrives.
            proxy.arm_kill(1)
            request = asyncio.ensure_future(
                run.gql.raw(CREATE_FOLDER, {"name": "two"}, token=account.token)
            )
            await asyncio.wait_for(proxy.kill_event.wait(), 10)
            request.cancel()
            await asyncio.gather(request, return_exceptions=True)
            assert proxy.killed and proxy.count == start + n + 1
        # The database never saw folder "two"; a new connection is refused.
        names = {d["name"] async for d in client[name]["entries"].find({}, {"name": 1})}
        assert "one" in names and "two" not in names
        refused = raw_client(proxy.uri(name))
        with pytest.raises(PyMongoError):
            await refused[name].command("ping")
        refused.close()
    finally:
        await proxy.close()
        await drop(client, name)
        client.close()


async def test_freeze_holds_replies_until_thawed(mongo_uri: str) -> None:
    proxy = WireProxy(*upstream(mongo_uri))
    await proxy.start()
    client = raw_client(proxy.uri("freeze"))
    try:
        await client["freeze"].command("ping")
        proxy.freeze()
        pending = asyncio.ensure_future(client["freeze"]["c"].insert_one({"x": 1}))
        await asyncio.sleep(0.3)
        assert not pending.done()
        proxy.thaw()
        await asyncio.wait_for(pending, 10)
        assert await client["freeze"]["c"].count_documents({}) == 1
    finally:
        await client.drop_database("freeze")
        client.close()
        await proxy.close()
