import sys

from gazoguard.cli.main import main

sys.exit(main())
