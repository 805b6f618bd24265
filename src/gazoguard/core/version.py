"""The package version, in one place (the CLI, the web app and reports read it)."""

__version__ = "0.1.0"
