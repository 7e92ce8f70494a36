"""``python -m symbp``: the same as the ``symbp`` command."""

import sys

from .cli import main

sys.exit(main())
