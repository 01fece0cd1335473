"""The administrator's command line: accounts, quotas, invites and storage figures."""
