"""``python -m trialdesk`` (and the PyInstaller bundle's entry point)."""

import sys

from trialdesk.cli import main

sys.exit(main())
