"""Email for the whole site, queued as background tasks that run once the sending transaction has committed."""
