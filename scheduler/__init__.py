"""The scheduler: one daily sweep over the register, run by one instance, nothing sent twice.

`service.start_scheduler` adds the daily job (and a catch-up run at start)
to an APScheduler 3 AsyncIOScheduler in the app's event loop; `sweeper`
runs a sweep under `locks.sweep_lock`; `reports` writes the dashboard and
annual report. The decisions themselves are pure: `register.schedule`.
"""
