"""``python -m hradvisor.cli``: the same as the ``hradvisor`` command."""

import sys

from hradvisor.cli.main import main

sys.exit(main())
