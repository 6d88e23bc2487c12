"""One goroutine per element of a collection, with no limiter anywhere in the function.

Only ``range`` loops over collections count: three-clause loops (``for i := 0; i < workers;
i++``), infinite accept loops, ranges over channels and ranges over an int that sizes a pool
(a constant, ``runtime.NumCPU()``, ``workers``, ``concurrency``, ``n``) start a fixed or
naturally paced number of goroutines; so do ranges over configured parts (``configs``,
``pools``, ``servers``...). Goroutines that are long-lived workers or manage a component's
lifecycle (they loop, select, run, start or stop something) are one per component, not one
per item. Only goroutines doing remote work (a call taking ``ctx``, or an HTTP/API-style
call) count, and functions with a semaphore, ``errgroup.SetLimit``, ``semaphore.Weighted``
or a worker pool stay silent.
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.common import is_startup
from perfaudit.rules.facts.go import code as gocode
from perfaudit.syntax import functions
from perfaudit.syntax.functions import enclosing_function_node, loop_ancestors
from perfaudit.syntax.node import Node

_LIMITER = re.compile(
    r"SetLimit\(|\.Acquire\(|semaphore\.|make\(chan struct\s*\{\s*\}\s*,|\w*([sS]em|[lL]imiter|[sS]lots?"
    r"|[tT]okens?)\s*<-|<-\s*[\w.]*([sS]em|[lL]imiter|[sS]lots?|[tT]okens?)\b|[pP]ool\.(Submit|Go)\("
)
_LIFECYCLE = re.compile(
    r"^(\w+\.)*(run|Run|start|Start|stop|Stop|Serve|serve|Sync|Shutdown|tearDown|Wait|Reload"
    r"|reload|ApplyConfig)$"
)
_REMOTE = re.compile(
    r"(^|\.)(http\.\w+|net\.(Dial|Lookup|Listen)\w*|exec\.\w+|os\.(Open|Create|ReadFile|WriteFile|ReadDir)\w*|\w*([cC]lient|[aA]pi|API)\.\w+|Do|Get\w*|Fetch\w*|fetch\w*|get\w+|set\w+"
    r"|Set\w*|Update\w*|update\w*|Delete\w*|delete\w*|Create\w*|create\w*|Post\w*|Put\w*|List\w*"
    r"|Describe\w*|Download\w*|download\w*|Upload\w*|upload\w*|Query\w*|Exec\w*|Lookup\w*|Resolve\w*)$"
)
# Ranges over configured parts (one goroutine per component by design) rather than over data.
_CONFIGURED = re.compile(r"(?i)(configs?|cfgs?|providers|discoverers|managers|groups|pools|listeners|servers"
                         r"|workers|shards|processors|queriers|subsets|loops|names|addrs|addresses)$")
_CHANNELISH = re.compile(r"(?i)(ch|chan|c|queue|jobs|work|tasks|events|updates|results)$|^<-|\.C$|^\d+$")
# ``for range workers`` (Go 1.22 range over an int): a fixed pool, sized by configuration or CPUs
_POOL_SIZE = re.compile(r"(?i)^(n|\w*workers?|\w*concurrency|\w*parallelism|(max|num)_?procs|\w*pool_?size"
                        r"|num_?(cpus?|goroutines|threads))$|^runtime\.(NumCPU|GOMAXPROCS)\(")


def _ranges_collection(loop: Node, fn: Node, root: Node) -> bool:
    clause = next((c for c in loop.children() if c.kind() == "range_clause"), None)
    if clause is None:
        return False
    expr = clause.field("right")
    if expr is None:
        return False
    text = expr.text().strip()
    if _CHANNELISH.search(text) or _CONFIGURED.search(text) or _POOL_SIZE.search(text):
        return False
    if text in gocode.const_names(root):
        return False  # ``for range poolSize`` with ``const poolSize = 4``
    name = re.escape(text)
    declared_chan = re.search(rf"\b{name}\s*:?=\s*make\(chan\b|\b{name}\s+(<-)?chan\b", fn.text())
    return declared_chan is None


def _long_lived(go_stmt: Node) -> bool:
    """A worker or component goroutine (loops, selects, or starts/stops a component)."""
    literal = go_stmt.find(kind="func_literal")
    if literal is None:
        return True  # `go x.run()`: cannot see the body; usually one worker per component
    body = literal.field("body")
    if body is None or body.find(kind="select_statement") is not None:
        return True
    if any(_LIFECYCLE.match(common.call_name(c)) for c in body.find_all(kind="call_expression")):
        return True
    return any(re.match(r"for\s*\{|for\s+\w+\s*:=\s*range\s+\w*(ch|Ch|C|queue|jobs)\b", f.text())
               for f in body.find_all(kind="for_statement"))


def _does_remote_work(go_stmt: Node) -> bool:
    """The goroutine calls something that takes a context or looks like a request."""
    for call in go_stmt.find_all(kind="call_expression"):
        args = call.field("arguments")
        first = args.named_children()[0].text() if args is not None and args.named_children() else ""
        remote = _REMOTE.search(common.call_name(call))
        if re.fullmatch(r"\w*[cC]tx|r\.Context\(\)|context\.\w+\(\)", first) or remote:
            return True
    return False


def check(match: Match) -> bool:
    go_stmt = match.node
    loops = loop_ancestors(go_stmt, Language.GO)
    fn = functions.innermost_function(go_stmt, Language.GO)
    if not loops or fn is None or _long_lived(go_stmt) or not _does_remote_work(go_stmt):
        return False
    if is_startup(enclosing_function_node(go_stmt), Language.GO):
        return False  # main starts one goroutine per configured client or server
    if _LIMITER.search(fn.text()):
        return False
    return _ranges_collection(loops[0], fn, match.root)
