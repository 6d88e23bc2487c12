# perfaudit-test-version: 3.10


def parse_ints(tokens):
    return [int(t) for t in tokens if t.isdigit()]


def handle_all(jobs, run, log):
    for job in jobs:
        log.info("start %s", job)
        try:  # one of several statements: the loop body is not tight
            run(job)
        except RuntimeError:
            log.exception("job failed")


def fetch_all(urls, get):
    for url in urls:
        try:  # a heavy body: the setup cost is noise
            resp = get(url)
            resp.raise_for_status()
            yield resp.json()
        except OSError:
            continue


def apply_validators(validators, value):
    for validator in validators:
        try:  # the call dominates: a handler set-up is noise beside it
            value = validator(value)
        except ValueError:
            continue
    return value
