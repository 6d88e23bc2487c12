import numpy as np


def pagerank(A, N, alpha=0.85, max_iter=100):
    x = np.repeat(1.0 / N, N)
    S = np.array(A.sum(axis=1)).flatten()
    is_dangling = np.where(S == 0)[0]
    for _ in range(max_iter):
        x = alpha * (x @ A + x[is_dangling].sum()) + (1 - alpha) / N
    return x


def totals(rows):
    out = []
    for row in rows:
        out.append(sum(row))  # a plain list: nothing says it is an array
    return out


def first(arr_list):
    x = np.zeros(3)
    for _ in arr_list:
        total = sum(x[0] for _ in range(3))  # a generator of scalars
        print(total, max(x[0], 1.0))
    return x


def once(values):
    arr = np.array(values)
    return sum(arr)  # not in a loop


def shadowed(values, sum):
    arr = np.array(values)
    for _ in range(3):
        print(sum(arr))  # a parameter named sum, not the builtin
