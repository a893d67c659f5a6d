"""The demo county: its data and the loader behind `flask --app caravan demo`."""
