"""The sync client: `dropbox-lite sync DIR` keeps a local folder in step with the server.

Three trees keyed by server entry id (remote as last seen, local as last scanned, and
the base both last agreed on); `planner.plan` turns them into operations without I/O;
`engine` carries them out and repeats until both sides agree.
"""
