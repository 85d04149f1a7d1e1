"""``python -m kg.bench``: run the benchmark (see :mod:`kg.bench.run`)."""
import sys

from .run import main

sys.exit(main())
