import concurrent.futures
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Pool


def thumbnails(albums, resize):
    for album in albums:
        with ThreadPoolExecutor(max_workers=8) as pool:  # expect: executor-created-in-loop
            album.thumbs = list(pool.map(resize, album.photos))


def score_batch(batch, model):
    with Pool(4) as pool:  # expect: executor-created-in-loop
        return pool.map(model.score, batch)


def score_all(batches, model):
    return [score_batch(b, model) for b in batches]


class Crawler:
    def fetch_page(self, urls, get):
        with concurrent.futures.ThreadPoolExecutor() as ex:  # expect: executor-created-in-loop
            return list(ex.map(get, urls))

    def crawl(self, pages, get):
        for page in pages:
            self.fetch_page(page, get)
