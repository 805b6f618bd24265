"""Profiles: a policy as a plain TOML file (which findings raise the level, what action follows)."""

from gazoguard.profiles.loader import Profile, list_profiles, load_profile

__all__ = ["Profile", "list_profiles", "load_profile"]
