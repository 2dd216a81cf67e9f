"""Story state between runs: the MinHash index of earlier articles, kept in `var/stories.json` on the worker.

Processing itself does no IO; this module loads the state before a batch and saves it after.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from pantau.config import Settings
from pantau.process.batch import BatchResult, process_batch
from pantau.process.stories import StoryIndex
from pantau.records import RawArticle

log = logging.getLogger(__name__)


def stories_path(settings: Settings) -> Path:
    return settings.paths.var_dir / "stories.json"


def load_stories(settings: Settings) -> StoryIndex:
    path = stories_path(settings)
    if path.is_file():
        try:
            return StoryIndex.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError) as exc:
            log.error("story state %s unreadable (%s); starting a new one", path, exc)
    return StoryIndex()


def save_stories(settings: Settings, stories: StoryIndex) -> None:
    path = stories_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(stories.to_dict()), encoding="utf-8")
    tmp.replace(path)


def process_raw(settings: Settings, raw: list[RawArticle]) -> BatchResult:
    """Process raw articles with the story state of earlier runs, and keep the state for the next run."""
    stories = load_stories(settings)
    result = process_batch(raw, stories)
    save_stories(settings, stories)
    return result
