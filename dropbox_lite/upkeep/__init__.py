"""Upkeep: the maintenance pass that keeps collections from growing forever, its leader
election across processes, and the background task that runs it inside the server."""
