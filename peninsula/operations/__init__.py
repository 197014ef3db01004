"""Operating a Peninsula site: deployment checks, health endpoints, backup and restore."""
