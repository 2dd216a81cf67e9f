"""`pantau deploy [--prefect-file FILE]`: the work pool and every deployment of prefect.yaml on PREFECT_API_URL."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from pantau.config import Settings, project_root


def cmd_deploy(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.ops.deploy import deploy

    prefect_file = (args.prefect_file or project_root() / "prefect.yaml").resolve()
    print(json.dumps(deploy(prefect_file), ensure_ascii=False, indent=2))
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "deploy",
        help="create the work pool when missing and apply prefect.yaml to the Prefect server in PREFECT_API_URL",
    )
    parser.add_argument(
        "--prefect-file", type=Path, help="the deployments file (default: prefect.yaml in PANTAU_HOME / the checkout)"
    )
    parser.set_defaults(func=cmd_deploy)
