"""WebSocket plumbing shared by every consumer: authentication, close codes, frames."""
