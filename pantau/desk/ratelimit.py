"""Login rate limit: failed attempts per client address and per account name within a sliding window.

In memory, per desk process (one `pantau desk` process serves the desk). When either key has `max_failures`
failures within `window` seconds, further logins for it are refused with HTTP 429 until the oldest failure ages
out; a successful login clears the account's count.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable


class LoginLimiter:
    def __init__(self, max_failures: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_failures = max(1, max_failures)
        self.window = window
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        return times

    def retry_after(self, keys: Iterable[str]) -> float:
        """Seconds until a login for these keys is allowed again; 0 when it is allowed now."""
        now = self.clock()
        wait = 0.0
        with self._lock:
            for key in keys:
                times = self._recent(key, now)
                if len(times) >= self.max_failures:
                    wait = max(wait, self.window - (now - times[0]))
        return wait

    def failed(self, keys: Iterable[str]) -> None:
        now = self.clock()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)
