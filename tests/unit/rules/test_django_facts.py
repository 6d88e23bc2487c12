"""Django ORM facts: which modules are Django code, which expressions are querysets."""

from __future__ import annotations

import pytest

from perfaudit.model import Language
from perfaudit.rules.facts.python import code as py
from perfaudit.rules.facts.python import django as dj
from perfaudit.syntax.node import Root


@pytest.mark.parametrize(("source", "expected"), [
    ("from django.db import models\n", True),
    ("import django\n", True),
    ("from ..models import Order\n\ndef f():\n    return Order.objects.filter(a=1)\n", True),
    ("from sqlalchemy.orm import Session\n\ndef f():\n    return Order.objects.filter(a=1)\n", False),
    ("def f(q):\n    return q.filter(a=1)\n", False),
])
def test_is_django_module(source: str, expected: bool) -> None:
    root = Root(source, Language.PYTHON).root()
    assert dj.is_django_module(root, source) is expected


def _queryset_of(source: str, name: str) -> dj.Queryset | None:
    root = Root(source, Language.PYTHON).root()
    target = [n for n in root.find_all(kind="identifier") if n.text() == name][-1]
    return dj.queryset(target, py.function_of(target))


@pytest.mark.parametrize(("source", "local", "values"), [
    ("def f():\n    qs = Order.objects.filter(a=1)\n    qs = qs.exclude(b=2)\n    return qs\n",
     True, False),
    ("def f():\n    rows = Order.objects.values_list('pk', flat=True)\n    return rows\n",
     True, True),
    ("def f(qs):\n    return qs\n", False, False),
    ("def f(order):\n    lines = order.lines.all()\n    return lines\n", False, False),
    ("def f(pk):\n    order = Order.objects.get(pk=pk)\n    lines = order.lines.all()\n"
     "    return lines\n", True, False),
])
def test_querysets(source: str, local: bool, values: bool) -> None:
    found = _queryset_of(source, source.rsplit("return ", 1)[1].strip())
    assert found is not None
    assert (found.local, found.values) == (local, values)


@pytest.mark.parametrize("source", [
    "def f(xs):\n    orders = [x for x in xs]\n    return orders\n",
    "def f(orders):\n    return orders\n",
    "def f():\n    orders = load()\n    return orders\n",
    # assigned a queryset only after the use
    "def f(lines):\n    a = lines\n    lines = Line.objects.all()\n    return a\n",
])
def test_not_querysets(source: str) -> None:
    name = "lines" if "Line." in source else "orders"
    root = Root(source, Language.PYTHON).root()
    target = [n for n in root.find_all(kind="identifier") if n.text() == name][1]
    assert dj.queryset(target, py.function_of(target)) is None


def test_relations_the_module_declares() -> None:
    source = ("class Order(models.Model):\n    customer = models.ForeignKey(Customer)\n\n"
              "def f(qs):\n    return qs.select_related('channel__owner'), x.warehouse_id\n")
    root = Root(source, Language.PYTHON).root()
    assert {"customer", "channel", "warehouse"} <= dj.declared_relations(root, source)
    assert "order" in dj.model_names(root)


def test_snake_case() -> None:
    assert dj.snake("ProductVariantChannelListing") == "product_variant_channel_listing"
