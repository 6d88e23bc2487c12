def rank(players, scores):
    for player in players:
        ordered = sorted(scores, reverse=True)  # expect: sort-invariant-in-loop
        player.rank = ordered.index(player.score) + 1


def running_median(values):
    window = []
    medians = []
    for v in values:
        window.append(v)
        window.sort()  # expect: sort-invariant-in-loop
        medians.append(window[len(window) // 2])
    return medians
