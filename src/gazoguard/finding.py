"""Old import path, kept for plug-in authors for one release: use ``gazoguard.core.finding``."""

from gazoguard.core.finding import *  # noqa: F401,F403
from gazoguard.core.finding import __all__  # noqa: F401
