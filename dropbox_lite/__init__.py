"""dropbox-lite: a self-hosted file-hosting and sync service with a GraphQL API."""

__version__ = "0.1.0"
