"""Outlet families: one module each, registered here by name."""

from __future__ import annotations

from pantau.extract.families import (
    antara,
    detik,
    disway,
    inews,
    jawapos,
    kompas,
    kumparan,
    liputan6,
    mediaindonesia,
    okezone,
    suara,
    tribun,
    wordpress,
)
from pantau.extract.families.base import Family, Parser

FAMILIES: dict[str, Family] = {
    m.FAMILY.name: m.FAMILY
    for m in (
        antara, detik, disway, inews, jawapos, kompas, kumparan, liputan6, mediaindonesia, okezone, suara, tribun,
        wordpress,
    )
}  # fmt: skip

__all__ = ["FAMILIES", "Family", "Parser"]
