from datetime import datetime, timedelta, timezone


def expired(sessions):
    return [s for s in sessions if s.expires_at < datetime.now(timezone.utc)]  # expect: clock-read-per-item


def stale(jobs):
    out = []
    for job in jobs:
        if job.heartbeat + timedelta(minutes=5) < datetime.utcnow():  # expect: clock-read-per-item
            out.append(job)
        if datetime.utcnow() - job.created > timedelta(days=1):  # expect: clock-read-per-item
            out.append(job)
    return out
