"""``python -m disclosure`` is the ``disclosure`` command."""

import sys

from .cli import main

sys.exit(main())
