"""The mailbox routing rules, one per module; mailbox/routing.py puts them in order."""
