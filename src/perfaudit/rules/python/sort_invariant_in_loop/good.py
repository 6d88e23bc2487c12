import bisect


def rank(players, scores):
    ordered = sorted(scores, reverse=True)
    for player in players:
        player.rank = ordered.index(player.score) + 1


def running_median(values):
    window = []
    medians = []
    for v in values:
        bisect.insort(window, v)
        medians.append(window[len(window) // 2])
    return medians


def each_sorted(groups):
    return [sorted(g) for g in groups]  # a different collection each time


def report(rows):
    for row in sorted(rows):  # in the header: sorted once
        print(row)


def batches(source):
    while True:
        batch = source.next_batch()
        if not batch:
            return
        batch.sort()  # a fresh list every iteration
        yield batch


def wait_for_new_page(fetch, seen_ids, retries):
    for attempt in range(retries):  # a retry loop repeats rarely
        batch = sorted(fetch(attempt))
        if batch != sorted(seen_ids):
            return batch
    return None


def block_sorted(np, a, block):
    for i in range(0, len(a), block):
        yield np.sort(a[i:i + block])  # a function of a slice, not list.sort
