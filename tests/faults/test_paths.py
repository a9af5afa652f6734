"""Class 1: input paths are confined to the folders given; links are refused, never read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ingestion.inputs import REFUSED_LINK_IN, REFUSED_LINK_OUT, REFUSED_LINK_ROOT, find_inputs
from ingestion.news import discover_news_inputs
from tests.faults.conftest import (
    GOOD_ARTICLE,
    GOOD_CENSUS,
    PRIVATE_LINE,
    Loaded,
    assert_rows_balance,
    ingest,
)

pytestmark = pytest.mark.faults


def _folder_with_links(folder: Path, private_file: Path, good_name: str, good: str) -> None:
    folder.mkdir(parents=True)
    (folder / good_name).write_text(good)
    # A link to a private file, one with a news extension, one to a folder outside, one inside.
    (folder / "leak.txt").symlink_to(private_file)
    (folder / "leak.jsonl").symlink_to(private_file)
    (folder / "outside_dir").symlink_to(private_file.parent, target_is_directory=True)
    (folder / "inside.json").symlink_to(folder / good_name)


def _assert_refused(loaded: Loaded, name: str, reason: str, kind: str) -> None:
    rejects = loaded.rejects_of(name, kind)
    assert len(rejects) == 1, (name, rejects)
    _, position, why, snippet = rejects[0]
    assert (position, why, snippet) == ("file", reason, "")


def test_links_in_news_and_trade_folders_are_refused_and_never_read(
    tmp_path: Path, private_file: Path
) -> None:
    news, trade = tmp_path / "news", tmp_path / "trade"
    _folder_with_links(news, private_file, "good.jsonl", GOOD_ARTICLE)
    _folder_with_links(trade, private_file, "census_imports.json", GOOD_CENSUS)

    loaded = ingest(tmp_path / "home", news=[news], trade=[trade])

    assert "outside the input folder" in REFUSED_LINK_OUT
    for kind in ("news", "trade"):
        for name in ("leak.txt", "leak.jsonl", "outside_dir"):
            _assert_refused(loaded, name, REFUSED_LINK_OUT, kind)
        _assert_refused(loaded, "inside.json", REFUSED_LINK_IN, kind)
    # Good records beside the links still load, once (the inside link is not a second copy).
    assert loaded.articles == [("good.jsonl", "line 1")]
    assert [f for f, _ in loaded.flows] == ["census_imports.json"]
    assert PRIVATE_LINE not in loaded.all_text()
    assert_rows_balance(loaded)


def test_linked_landing_folder_and_links_inside_landing_are_refused(
    tmp_path: Path, private_file: Path
) -> None:
    home = tmp_path / "home"
    landing_news = home / "landing" / "news"
    landing_news.mkdir(parents=True)
    (landing_news / "dropped.jsonl").write_text(GOOD_ARTICLE)
    (landing_news / "sub").mkdir()
    (landing_news / "sub" / "leak.txt").symlink_to(private_file)
    # The trade landing folder itself is a link to a private folder.
    (home / "landing" / "trade").symlink_to(private_file.parent, target_is_directory=True)
    news = tmp_path / "news.jsonl"
    news.write_text(GOOD_ARTICLE.replace("good-1", "good-2"))
    trade = tmp_path / "census.json"
    trade.write_text(GOOD_CENSUS)

    loaded = ingest(home, news=[news], trade=[trade])

    _assert_refused(loaded, "sub/leak.txt", REFUSED_LINK_OUT, "news")
    _assert_refused(loaded, "landing/trade", REFUSED_LINK_ROOT, "trade")
    assert sorted(loaded.articles) == [("dropped.jsonl", "line 1"), ("news.jsonl", "line 1")]
    assert [f for f, _ in loaded.flows] == ["census.json"]
    assert PRIVATE_LINE not in loaded.all_text()
    assert_rows_balance(loaded)


def test_fifo_in_a_folder_is_refused_without_blocking(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    os.mkfifo(folder / "pipe.jsonl")  # opening it for reading would block the run
    (folder / "good.jsonl").write_text(GOOD_ARTICLE)
    [good, pipe] = find_inputs(folder)
    assert pipe.refused == "not a regular file (a FIFO): not read"
    assert good.refused is None and good.display_name == "good.jsonl"


def test_a_given_path_is_resolved_but_what_is_inside_a_folder_is_confined(
    tmp_path: Path, private_file: Path
) -> None:
    # A file named on the command line is the user's choice, even through a link...
    link = tmp_path / "chosen.txt"
    link.symlink_to(private_file)
    [chosen] = find_inputs(link)
    assert chosen.refused is None
    # ...but a link met while walking a folder is not, whether it is nested or at the top.
    nested = tmp_path / "folder" / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "deep.txt").symlink_to(private_file)
    [deep] = find_inputs(tmp_path / "folder")
    assert deep.refused == REFUSED_LINK_OUT
    assert deep.display_name == "a/b/deep.txt"


def test_the_library_walk_skips_links_too(tmp_path: Path, private_file: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.jsonl").write_text(GOOD_ARTICLE)
    (folder / "leak.txt").symlink_to(private_file)
    assert discover_news_inputs([folder, folder / "good.jsonl"]) == [folder / "good.jsonl"]


def test_monthly_trade_load_refuses_links_in_the_month_folder(
    tmp_path: Path, private_file: Path
) -> None:
    from orchestration.assets.trade import load_month
    from orchestration.paths import LedgerPaths
    from tests.helpers import query

    paths = LedgerPaths.from_env(tmp_path / "home")
    month = paths.landing / "trade" / "2025-06"
    month.mkdir(parents=True)
    (month / "census_good.json").write_text(GOOD_CENSUS)
    (month / "leak.json").symlink_to(private_file)
    result = load_month(paths, "2025-06-01")
    assert (result["loaded"], result["rejected"]) == (1, 1)
    rejects = query(
        paths.warehouse, "select source_file, position, reason, snippet from raw.trade__rejects"
    )
    assert rejects == [("2025-06/leak.json", "file", REFUSED_LINK_OUT, "")]
    assert PRIVATE_LINE not in str(query(paths.warehouse, "select * from raw.trade__flows"))
