"""``python -m edlint.server``: the same as ``edlint server``."""
import sys

from . import main

sys.exit(main())
