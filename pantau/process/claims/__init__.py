"""Check an article's claims against the official Pilkada 2024 fact base.

`check_claims(title, body, published_at=...)` splits the text into sentences and returns one `Flag` per contradicted
statement: a wrong voting date, a weekday that does not match its date, contradicted region or candidate counts,
a KPU RI title the person does not (or no longer) hold, contradicted schedule dates, a claim that the Pilkada is
postponed, or a match of a known debunked claim. Precision comes first: denials, questions, conditional talk,
historical statements, other elections and legitimate local re-votes (PSU, susulan, lanjutan) are not flagged.

Facts live in `pantau/data/facts.json` (versioned, every fact with a source); word lists and patterns in
`pantau/data/claim_rules.json`.

Modules: `facts` (the fact base), `rules` (compiled word lists), `text` (sentences, numbers, dates), `context`
(per-article state), `date_checks`, `count_checks`, `title_checks`, `rumour_checks` (the rules) and `checker`
(`check_claims`).
"""

from pantau.process.claims.checker import RULES, check_claims, rule_names
from pantau.process.claims.date_checks import SCHEDULE_STAGES
from pantau.process.claims.facts import DATA_DIR, FACTS_PATH, Fact, FactBase, Hoax, Person, Role, Stage, load_facts
from pantau.process.claims.rules import RULES_PATH, Rules, load_rules
from pantau.process.claims.text import DateMention, find_dates, parse_number, parse_published, split_sentences

__all__ = [
    "DATA_DIR",
    "FACTS_PATH",
    "RULES",
    "RULES_PATH",
    "SCHEDULE_STAGES",
    "DateMention",
    "Fact",
    "FactBase",
    "Hoax",
    "Person",
    "Role",
    "Rules",
    "Stage",
    "check_claims",
    "find_dates",
    "load_facts",
    "load_rules",
    "parse_number",
    "parse_published",
    "rule_names",
    "split_sentences",
]
