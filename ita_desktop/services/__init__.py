"""Use cases without Qt: each user action one transaction, returning what changed."""
