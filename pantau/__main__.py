"""`python -m pantau`: the `pantau` command."""

import sys

from pantau.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
