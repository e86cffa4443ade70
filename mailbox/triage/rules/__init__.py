"""One rule per module; the routing table in `mailbox.triage.table` orders them."""
