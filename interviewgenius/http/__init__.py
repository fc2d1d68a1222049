"""HTTP conventions shared by every app: errors, pagination, throttling, logs, metrics."""
