import time
from datetime import datetime, timezone


def expired(sessions):
    now = datetime.now(timezone.utc)
    return [s for s in sessions if s.expires_at < now]


def wait_for(check, deadline):
    while datetime.now() < deadline:  # a polling loop: it must re-read the clock
        if check():
            return True
        time.sleep(0.1)
    return False


def stamp(rows):
    for row in rows:
        row.seen_at = datetime.now()  # an assignment, not a comparison


def process(items, budget):
    for item in items:
        if datetime.now() > budget:  # a deadline check: the clock must move
            break
        item.run()
