"""Old import path, kept for plug-in authors for one release: use ``gazoguard.imaging.picture``."""

from gazoguard.imaging.picture import *  # noqa: F401,F403
from gazoguard.imaging.picture import __all__  # noqa: F401
