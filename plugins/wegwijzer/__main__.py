"""`python -m wegwijzer`: the same as the `wegwijzer` command."""

import sys

from .cli import main

sys.exit(main())
