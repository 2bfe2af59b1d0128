"""`python -m recount` behaves exactly like the `recount` command."""

import sys

from recount.cli import main

sys.exit(main())
