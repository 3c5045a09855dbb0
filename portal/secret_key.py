"""Which secret keys the settings refuse when DEBUG is off (no Django imports:
the settings module imports this)."""

KNOWN_KEYS = {
    "change-me-in-production-please",
    "dev-only-insecure-key-change-me",
    "changeme", "change-me", "secret", "secret-key", "your-secret-key", "django-insecure",
}


def weak_secret_key(key: str) -> str | None:
    """Why `key` must not sign production sessions (None when it may)."""
    if not key:
        return "SECRET_KEY is empty"
    if key.strip().lower() in KNOWN_KEYS or key.startswith("django-insecure-"):
        return "SECRET_KEY is a published placeholder"
    if "change-me" in key.lower() or "changeme" in key.lower():
        return "SECRET_KEY is a placeholder (contains 'change-me')"
    if len(key) < 50 or len(set(key)) < 5:
        return "SECRET_KEY is too short (at least 50 characters, 5 distinct)"
    return None
