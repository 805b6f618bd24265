"""Console users: roles, argon2 password hashes, server-side sessions, CSRF tokens, lockout."""
