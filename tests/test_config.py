"""Configuration: environment over PANTAU_CONFIG over defaults, clear errors, secrets masked."""

from __future__ import annotations

from pathlib import Path

import pytest

from pantau.config import load_settings
from pantau.errors import ConfigError


def test_defaults_give_the_embedded_node() -> None:
    s = load_settings({})
    assert s.external_search is False
    assert s.search_url == "http://127.0.0.1:9250"
    assert s.search.index_prefix == "pantau"


def test_environment_overrides_with_types() -> None:
    s = load_settings(
        {
            "PANTAU_SEARCH_URL": "https://es.example:9200/",
            "PANTAU_ENGINE_PORT": "9999",
            "PANTAU_SEARCH_VERIFY_CERTS": "false",
            "PANTAU_SEARCH_BACKOFF_INITIAL": "0.25",
        }
    )
    assert s.external_search and s.search_url == "https://es.example:9200"
    assert s.engine.port == 9999
    assert s.search.verify_certs is False
    assert s.search.backoff_initial == 0.25


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("PANTAU_ENGINE_PORT", "abc", "is not an integer"),
        ("PANTAU_SEARCH_VERIFY_CERTS", "maybe", "is not a boolean"),
        ("PANTAU_SEARCH_TIMEOUT", "soon", "is not a number"),
        ("PANTAU_SEARCH_INDEX_PREFIX", "Pantau", "must be lower case"),
        ("PANTAU_SEARCH_INDEX_PREFIX", "pan tau", "letters, digits"),
    ],
)
def test_malformed_environment_values_are_named(name: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as err:
        load_settings({name: value})
    assert name in str(err.value) or value in str(err.value)


def test_config_file_sits_between_defaults_and_environment(tmp_path: Path) -> None:
    cfg = tmp_path / "pantau.toml"
    cfg.write_text('[search]\nurl = "http://from-file:9200"\nindex_prefix = "kpu"\n')
    s = load_settings({"PANTAU_CONFIG": str(cfg)})
    assert s.search_url == "http://from-file:9200" and s.search.index_prefix == "kpu"
    s = load_settings({"PANTAU_CONFIG": str(cfg), "PANTAU_SEARCH_URL": "http://from-env:9200"})
    assert s.search_url == "http://from-env:9200" and s.search.index_prefix == "kpu"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[search\nurl=1", "not valid TOML"),
        ("[nosuch]\nx = 1\n", "unknown section"),
        ("[search]\nurll = 'x'\n", "unknown key 'urll'"),
        ("[engine]\nport = 'high'\n", "should be like 9250"),
    ],
)
def test_malformed_config_file_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_settings({"PANTAU_CONFIG": str(cfg)})


def test_missing_config_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings({"PANTAU_CONFIG": str(tmp_path / "nope.toml")})


def test_api_key_and_password_together_are_refused() -> None:
    with pytest.raises(ConfigError, match="not both"):
        load_settings({"PANTAU_SEARCH_API_KEY": "abc", "PANTAU_SEARCH_USER": "u", "PANTAU_SEARCH_PASSWORD": "p"})


def test_secrets_are_masked_in_the_printable_form() -> None:
    s = load_settings({"PANTAU_SEARCH_USER": "pantau", "PANTAU_SEARCH_PASSWORD": "rahasia-sekali"})
    shown = s.redacted()
    assert shown["search"]["password"] == "***"
    assert shown["search"]["user"] == "pantau"
    assert "rahasia-sekali" not in repr(s)
    assert "rahasia-sekali" not in str(shown)
