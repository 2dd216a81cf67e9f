"""Result claims that contradict themselves: vote counts and shares that cannot all be true.

A report of a recapitulation gives each pair's votes and share ("7.870.084 suara atau 40,86 persen"). Every such
(votes, share) pair implies the race's valid-vote total (votes / share). When the article states the total, a share
that does not follow from it is wrong; when the pairs of one race add up to the whole (shares summing to 100) or
three or more agree on one total, a pair whose implied total is off has a misreported count or share. Only near
misses count: a share far from what the total gives is another scope (a district's tally), not a slip. Quick counts,
polls, internal counts and partial tallies are reported as such and are not checked (their shares are not the
official count's). The official result per region is checked in `candidate_checks` when the fact base holds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from pantau.process.claims.context import Ctx, mentions_of
from pantau.process.claims.names_in_text import find_person


@dataclass(frozen=True)
class VoteShare:
    sentence: str
    votes: int
    share: float  # percent
    race: str | None = None  # the race of the pair named beside it, when the sentence names one
    decimals: int = 2  # the precision the text gives the share at


def _id(value: float, decimals: int = 0) -> str:
    """A number the Indonesian way: 19.260.275 and 40,86."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


_BIG_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d,]|\.\d)|(?<![\d.,])\d{4,9}(?![\d.,])")


def _number(text: str) -> int:
    return int(re.sub(r"[.,\s]", "", text))


def _share(text: str) -> float:
    return float(text.replace(",", "."))


def share_decimals(text: str) -> int:
    """The decimals a share is written with ("40,86" -> 2, "44" -> 0)."""
    return len(re.split(r"[,.]", text, maxsplit=1)[1]) if re.search(r"[,.]", text) else 0


def share_of_all_ballots(votes: int, share: float, decimals: int, valid: int, ctx: Ctx) -> bool:
    """Whether `share` (given at `decimals`) is the pair's votes over a larger total the text itself states: all
    ballots cast, invalid ones included ("44 persen" of the 274.048 ballots for 119.643 votes, where 46,89 % of
    the valid 255.142 is the official share). KPU recapitulations print both totals; a total up to
    valid / (1 - result_share_invalid_max) is taken for one, and only when the text writes it."""
    half = 0.5 * 10**-decimals
    ceiling = valid / (1 - ctx.rules.raw["result_share_invalid_max"])
    return any(
        valid < total <= ceiling and abs(100 * votes / total - share) <= half + 1e-9 for total in stated_numbers(ctx)
    )


def stated_numbers(ctx: Ctx) -> frozenset[int]:
    """The whole numbers of four digits or more the text writes ("274.048", "2.279.060"), read once per text."""
    if ctx.numbers is None:
        ctx.numbers = frozenset(_number(m.group(0)) for m in _BIG_NUMBER.finditer(ctx.doc_text))
    return ctx.numbers


def unofficial_count(ctx: Ctx) -> bool:
    """The title, the sentence or one just before it names a count that is not KPU's recapitulation (a quick count,
    a real count, Sirekap, a provisional tally): the figures that follow are that count's."""
    if ctx.rules.lists["result_unofficial_count_cues"].search(ctx.title_low):
        return True  # "Data Terbaru Real Count KPU Jakarta ...": the title names the count the article reports
    return ctx.near("result_unofficial_count_cues", int(ctx.rules.raw["result_unofficial_count_context"]))


def collect_shares(sentence: str, low: str, ctx: Ctx, found: list[VoteShare]) -> None:
    """Remember the (votes, share) pairs of a sentence that reports an official-looking result."""
    r = ctx.rules
    if r.lists["result_partial_cues"].search(low) or unofficial_count(ctx):
        return
    for m in r.lists["vote_share"].finditer(low):
        said = m.group("p") or m.group("p2")
        votes, share = _number(m.group("v") or m.group("v2")), _share(said)
        if votes >= r.raw["result_min_votes"] and 0 < share < 100:
            found.append(VoteShare(sentence, votes, share, _race_near(sentence, m.start(), ctx), share_decimals(said)))
    if ctx.total_valid is None:
        t = r.lists["valid_total"].search(low)
        if t:
            ctx.total_valid = _number(t.group("t"))


def check_shares(found: list[VoteShare], ctx: Ctx) -> None:
    """Flag the (votes, share) pairs that contradict the stated total or the other pairs of the same race."""
    r = ctx.rules
    if not found:
        return
    tolerance = r.raw["result_share_tolerance"]
    fact = (
        "Perolehan suara dan persentase tidak cocok satu sama lain: persentase = suara pasangan / total suara sah. "
        "Angka resmi ada pada keputusan rekapitulasi KPU setempat."
    )
    if ctx.total_valid:
        for vs in found:
            implied = 100 * vs.votes / ctx.total_valid
            if share_of_all_ballots(vs.votes, vs.share, vs.decimals, ctx.total_valid, ctx):
                continue  # the share of all ballots cast, not of the valid votes
            if tolerance < abs(implied - vs.share) <= r.raw["result_share_near"]:  # far off: a sub-area's tally
                why = f"{_id(vs.votes)} dari {_id(ctx.total_valid)} suara sah = {_id(implied, 2)}%"
                why += f", bukan {_id(vs.share, 2)}%"
                ctx.add("vote_share", r.severity["vote_share"], vs.sentence, fact, "", why=why)
        return
    races = {vs.race for vs in found if vs.race is not None}
    if len(races) > 1:
        # an article on two races (a regency's Pilbup and its tally of the Pilgub): their valid totals differ a
        # little, so pairs are compared only with pairs of their own race (a share naming no pair joins none)
        for race in races:
            _check_totals([vs for vs in found if vs.race == race], ctx, fact, tolerance)
        return
    _check_totals(found, ctx, fact, tolerance)


def _race_near(sentence: str, pos: int, ctx: Ctx) -> str | None:
    """The race of the pair or candidate named nearest before a vote count in its sentence, if any."""
    who = find_person(sentence, pos, pos + 1, mentions_of(ctx), max_gap=120)
    return who.race.code if who is not None else None


def _check_totals(found: list[VoteShare], ctx: Ctx, fact: str, tolerance: float) -> None:
    """The pairs' implied totals (votes / share) against each other: one far from the others is misprinted."""
    r = ctx.rules
    if not found:
        return
    totals = [vs.votes * 100 / vs.share for vs in found]
    whole_race = len(found) >= 2 and abs(sum(vs.share for vs in found) - 100) <= tolerance * len(found)
    if not (whole_race or len(found) >= 3):
        return
    if len(found) == 2:  # two pairs that make the whole race: one of the two is wrong, the text does not say which
        a, b = found
        off = abs(totals[0] - totals[1]) / max(totals)
        if r.raw["result_total_outlier"] < off <= r.raw["result_total_near"]:
            why = (
                f"{_id(a.votes)} suara = {_id(a.share, 2)}% berarti total {_id(totals[0])}, tetapi {_id(b.votes)} suara"
                f" = {_id(b.share, 2)}% berarti total {_id(totals[1])}"
            )
            evidence = a.sentence if a.sentence == b.sentence else f"{a.sentence} … {b.sentence}"
            ctx.add("vote_share", r.severity["vote_share"], evidence, fact, "", why=why)
        return
    for i, vs in enumerate(found):
        others = totals[:i] + totals[i + 1 :]
        centre = median(others)
        agree = all(abs(t - centre) / centre <= r.raw["result_total_agreement"] for t in others)
        off = abs(totals[i] - centre) / centre
        if agree and r.raw["result_total_outlier"] < off <= r.raw["result_total_near"]:
            share = 100 * vs.votes / centre
            why = f"total suara sah dari pasangan lain ≈ {_id(centre)}: {_id(vs.votes)} suara = {_id(share, 2)}%"
            ctx.add(
                "vote_share", r.severity["vote_share"], vs.sentence, fact, "", why=f"{why}, bukan {_id(vs.share, 2)}%"
            )
