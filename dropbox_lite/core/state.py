"""One application's in-process state: its clock and every cache, counter and task it
keeps between requests, in one object built by `create_app` (Seafile's managers hung
off one session object).

Nothing of it lives at module level, so two apps in one process share nothing. A face
reaches it through its request (`state_of`, or the GraphQL context's `state`); a
service is handed the one holder it needs. Each concern's holder is defined beside the
code that uses it; this module only names them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.requests import HTTPConnection

from dropbox_lite.core.clock import Clock

if TYPE_CHECKING:
    from dropbox_lite.auth.live import LiveSessions
    from dropbox_lite.client.wheel import BuiltWheel
    from dropbox_lite.sync.subscriptions import SubscriptionCaps
    from dropbox_lite.sync.waiting import LongPolls


@dataclass
class AppState:
    """What one app keeps between requests (see the module's docstring)."""

    clock: Clock
    live: LiveSessions  # sessions checked a moment ago, sockets watching theirs
    polls: LongPolls  # long polls waiting (sync/waiting.py)
    wheel: BuiltWheel  # the sync client's wheel, once built (client/wheel.py)
    subscriptions: SubscriptionCaps  # open subscriptions per socket and per user


def state_of(connection: HTTPConnection) -> AppState:
    """The state of the app serving this request or socket."""
    state: AppState = connection.app.state.appstate
    return state
