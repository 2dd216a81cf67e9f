"""Indonesian time: the three zones (WIB, WITA, WIT) and reading dates written the Indonesian way."""

from __future__ import annotations

from datetime import timedelta, timezone

WIB = timezone(timedelta(hours=7))  # Western Indonesia Time, the default for an Indonesian outlet
WITA = timezone(timedelta(hours=8))  # Central Indonesia Time (Bali, Nusa Tenggara, Sulawesi, ...)
WIT = timezone(timedelta(hours=9))  # Eastern Indonesia Time (Maluku, Papua)
ZONES = {"WIB": WIB, "WITA": WITA, "WIT": WIT}
