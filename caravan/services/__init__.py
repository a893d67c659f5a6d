"""Domain operations shared by the blueprints, the sync API and the CLI. They flush, never commit."""
