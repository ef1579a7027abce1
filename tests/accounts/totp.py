"""RFC 6238 time-based one-time codes (HMAC-SHA1, 30 s, 6 digits), written apart from allauth's
so the tests check its codes against an independent computation."""

import base64
import hashlib
import hmac
import struct
import time


def totp_code(secret: str, *, at: float | None = None) -> str:
    """The code for `at`, or for now; a code for now is always at least five seconds from its
    window's end (waiting for the next window if need be), so that a slow browser or a busy
    machine does not submit it after it expired (allauth accepts the current window only)."""
    if at is None:
        left = 30 - time.time() % 30
        if left < 5:
            time.sleep(left + 0.05)
    counter = int((time.time() if at is None else at) // 30)
    key = base64.b32decode(secret, casefold=True)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"
