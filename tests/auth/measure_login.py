"""Time one login (one bcrypt check) at the default cost: `python -m tests.auth.measure_login`.

Not a test: it takes about a second and its result depends on the machine.
"""

from __future__ import annotations

import asyncio
import statistics
import time

from dropbox_lite.auth import passwords, service
from dropbox_lite.core import errors
from dropbox_lite.core.config import load_config
from dropbox_lite.core.db import open_memory


async def main(runs: int = 5) -> None:
    settings = load_config({})  # bcrypt_rounds defaults to 12
    db = open_memory("measure")
    try:
        await service.create_user(
            db=db, settings=settings, username="timer", password="a fine password"
        )
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            await service.verify_user(
                db=db, settings=settings, username="timer", password="a fine password"
            )
            timings.append(time.perf_counter() - start)
        passwords._dummy_hash(settings.bcrypt_rounds)  # warm the unknown-user hash
        start = time.perf_counter()
        try:
            await service.verify_user(
                db=db, settings=settings, username="nobody", password="a fine password"
            )
        except errors.InvalidCredentials:
            pass
        unknown = time.perf_counter() - start
    finally:
        db.close()
    print(
        f"bcrypt cost {settings.bcrypt_rounds}: login median "
        f"{statistics.median(timings) * 1000:.0f} ms over {runs} runs "
        f"(min {min(timings) * 1000:.0f}, max {max(timings) * 1000:.0f}); "
        f"unknown user {unknown * 1000:.0f} ms"
    )


if __name__ == "__main__":
    asyncio.run(main())
