def walk(graph, start):
    queue = [start]
    seen = {start}
    while queue:
        node = queue.pop(0)  # expect: list-pop-front-in-loop
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


class Batcher:
    def drain(self):
        while self.pending:
            yield self.pending.pop(0)  # expect: list-pop-front-in-loop
