import numpy as np


def pagerank(A, nodelist, alpha=0.85, max_iter=100, tol=1.0e-6):
    N = len(nodelist)
    x = np.repeat(1.0 / N, N)
    p = np.repeat(1.0 / N, N)
    S = np.array(A.sum(axis=1)).flatten()
    is_dangling = np.where(S == 0)[0]
    for _ in range(max_iter):
        xlast = x
        x = alpha * (x @ A + sum(x[is_dangling]) * p) + (1 - alpha) * p  # expect: builtin-reduce-over-ndarray
        err = np.absolute(x - xlast).sum()
        if err < N * tol:
            return x
    return None


def normalise(batches):
    out = []
    for batch in batches:
        values = np.asarray(batch, dtype=float)
        values = values - min(values)  # expect: builtin-reduce-over-ndarray
        out.append(values / max(values))  # expect: builtin-reduce-over-ndarray
    return out
