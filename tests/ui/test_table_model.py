"""The paged model: never the whole book in Python; more rows as the view scrolls."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QModelIndex, Qt

from ui.table_model import Column, PagedTableModel, RowRole


@dataclass(frozen=True)
class Query:
    sort: str = "n"
    descending: bool = False
    search: str = ""


def make_model(total: int) -> tuple[PagedTableModel, list[tuple[int, int, int]]]:
    calls: list[tuple[int, int, int]] = []
    data = list(range(total))

    def fetch(query: Query, offset: int, limit: int) -> list[int]:
        calls.append((offset, limit, 0))
        rows = sorted(data, reverse=query.descending)
        return rows[offset : offset + limit]

    def count(query: Query) -> int:
        return len(data)

    columns = [Column("Number", "n", lambda r: str(r), True)]
    return PagedTableModel(columns, fetch, count, Query()), calls


def test_loads_one_page_then_fetches_more_on_demand(qapp) -> None:  # type: ignore[no-untyped-def]
    model, calls = make_model(450)
    model.reload()
    assert model.rowCount() == 200 and model.total == 450
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    assert [c[0] for c in calls] == [0, 200, 400]


def test_sorting_asks_the_service_and_reloads(qapp) -> None:  # type: ignore[no-untyped-def]
    model, calls = make_model(10)
    model.reload()
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.query == replace(Query(), descending=True)
    assert model.data(model.index(0, 0)) == "9"
    assert model.data(model.index(0, 0), RowRole) == 9
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) is not None
