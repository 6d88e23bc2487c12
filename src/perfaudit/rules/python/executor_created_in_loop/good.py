from concurrent.futures import ThreadPoolExecutor

from mylib import Pool


def thumbnails(albums, resize):
    with ThreadPoolExecutor(max_workers=8) as pool:
        for album in albums:
            album.thumbs = list(pool.map(resize, album.photos))


def main(jobs, work):
    with ThreadPoolExecutor() as ex:  # created once per program run
        return list(ex.map(work, jobs))


def connections(hosts):
    return [Pool(h) for h in hosts]  # not multiprocessing.Pool


def run_calls(events, call):
    pool = None
    jobs = []
    for event in events:
        if pool is None:
            pool = ThreadPoolExecutor(max_workers=4)  # created on first use only
        jobs.append(pool.submit(call, event))
    return jobs
