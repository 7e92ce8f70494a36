"""``python -m symbp``: the same as the ``symbp`` command."""

import sys

from .cli import main

if __name__ == "__main__":  # imported (the doctest walk imports every module), it does nothing
    sys.exit(main())
