"""Application identity: one place for the name and version."""

APP_NAME = "Encaisse"
ORG_NAME = "Encaisse"
ORG_DOMAIN = "encaisse.example"
__version__ = "0.1.0"
