"""``python -m hradvisor.hq``: the same as the ``hradvisor-hq`` command."""

import sys

from hradvisor.hq.cli import main

sys.exit(main())
