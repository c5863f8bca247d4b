"""The Qt user interface (no SQLAlchemy here: it talks to services only)."""
