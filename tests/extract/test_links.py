"""Links between a commitment or answer and the measure it is tied to."""

from __future__ import annotations

from tests.extract.conftest import run


def _links(text: str, pub: str) -> list[tuple[dict, dict, str]]:
    ex = run(text, pub)
    st = {s["statement_id"]: s for s in ex.statements.to_dicts()}
    return [
        (st[lk["commitment_statement_id"]], st[lk["reciprocal_statement_id"]], lk["basis"])
        for lk in ex.links.to_dicts()
    ]


def test_retaliation_points_from_answer_to_answered() -> None:
    text = (
        "Beijing retaliated on Wednesday against the new tariffs imposed by Washington, "
        "announcing it would raise its duty on American goods to 84%."
    )
    links = _links(text, "2025-04-09")
    assert links
    for a, b, basis in links:
        assert basis == "retaliation"
        assert a["actor"] == "CHN" and b["actor"] == "USA"


def test_in_response_to_named_measure() -> None:
    text = (
        "China will levy an extra 10% on US crude from Feb. 10 in response to the "
        "Trump administration's tariffs, the finance ministry said on Tuesday."
    )
    links = _links(text, "2025-02-04")
    assert [(a["actor"], b["actor"]) for a, b, _ in links] == [("CHN", "USA")]


def test_in_return_links_opposite_parties() -> None:
    text = (
        "China will approve export licences for rare earth magnets, and in return the "
        "United States will remove restrictive measures it imposed on Chinese firms."
    )
    links = _links(text, "2025-06-27")
    kinds = {(a["kind"], b["kind"]) for a, b, _ in links}
    # What follows "in return" is what the commitment buys: the reciprocal side.
    assert ("license_approval", "export_control_relaxation") in kinds


def test_once_then_will() -> None:
    text = (
        "Lutnick said on Thursday that the deal with China was done. "
        '"Once they deliver the magnets, we will lift our countermeasures," Lutnick said.'
    )
    links = _links(text, "2025-06-27")
    assert any(
        # China's delivery is the commitment; the US lifting its measures is what it buys.
        basis == "once ... will" and a["actor"] == "CHN" and b["actor"] == "USA"
        for a, b, basis in links
    )


def test_no_link_between_same_actor() -> None:
    text = (
        "China raised its duty on US soybeans to 20% in response to its own farm lobby, "
        "and China added three US firms to its export control list on Monday."
    )
    for a, b, _ in _links(text, "2025-03-04"):
        assert a["actor"] != b["actor"]


def test_same_agreement_links_across_articles() -> None:
    from ingestion.extract import extract_corpus
    from tests.extract.conftest import make_frame

    ex = extract_corpus(
        make_frame(
            [
                (
                    "https://t.example/g1",
                    "2025-05-12",
                    "After talks in Geneva, the United States will lower its tariff on Chinese "
                    "goods to 30% from 145% on May 14.",
                ),
                (
                    "https://t.example/g2",
                    "2025-05-13",
                    "Under the Geneva deal, China will suspend the non-tariff countermeasures it "
                    "adopted against the United States.",
                ),
            ]
        )
    )
    st = {s["statement_id"]: s for s in ex.statements.to_dicts()}
    pairs = {
        (
            st[lk["commitment_statement_id"]]["actor"],
            st[lk["reciprocal_statement_id"]]["actor"],
            lk["basis"],
        )
        for lk in ex.links.to_dicts()
    }
    assert ("CHN", "USA", "same agreement") in pairs


def test_in_exchange_for_names_the_other_side_measure() -> None:
    text = (
        "Geneva, May 12 — The United States will cut its tariff on Chinese goods to 30% "
        "from 145% on May 14. China agreed to lift the non-tariff countermeasures it "
        "adopted since April 2 in exchange for the US tariff cut."
    )
    links = _links(text, "2025-05-12")
    assert any(
        basis == "in exchange" and a["kind"] == "other" and b["actor"] == "USA"
        for a, b, basis in links
    )


def test_an_agreement_named_in_a_story_about_other_parties_is_not_theirs() -> None:
    from ingestion.extract import extract_corpus
    from tests.extract.conftest import make_frame

    ex = extract_corpus(
        make_frame(
            [
                (
                    "https://t.example/ar",
                    "2026-02-05",
                    "In Buenos Aires, Argentina agreed on Thursday to cut its tariffs on US "
                    "machinery, and the United States will lower its tariff on Argentine beef.",
                )
            ]
        )
    )
    assert "Buenos Aires truce" not in set(ex.statements["agreement"].to_list())


def test_a_response_to_tariffs_on_a_product_line_answers_the_tariff_on_everyone() -> None:
    from ingestion.extract import extract_corpus
    from tests.extract.conftest import make_frame

    ex = extract_corpus(
        make_frame(
            [
                (
                    "https://t.example/us",
                    "2025-04-01",
                    "The United States on Tuesday put 25% tariffs on steel and aluminium "
                    "imports from all countries.",
                ),
                (
                    "https://t.example/tr",
                    "2025-05-12",
                    "Turkey on Monday proposed retaliatory duties on US walnuts against the US "
                    "over Washington's tariffs on steel and aluminium.",
                ),
            ]
        )
    )
    st = {r["statement_id"]: r for r in ex.statements.to_dicts()}
    answered = [
        st[r["reciprocal_statement_id"]]
        for r in ex.links.to_dicts()
        if st[r["commitment_statement_id"]]["actor"] == "TUR"
    ]
    assert [(s["actor"], s["target"]) for s in answered] == [("USA", "WLD")]
    assert "steel" in answered[0]["products"]


def test_a_response_to_tariffs_on_ones_own_goods_answers_the_tariff_on_oneself() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Ottawa hit back with duties on US whiskey in response to the US tariffs on Canadian "
        "steel.",
        "2025-05-12",
    )
    assert [s["target"] for s in out if s["actor"] == "USA"] == ["CAN"]


def test_a_pledge_named_only_as_the_price_of_a_cut_is_the_other_sides_and_linked() -> None:
    from tests.extract.conftest import run

    ex = run(
        "Washington and Hanoi signed a deal on Friday that lowers US tariffs on Vietnamese "
        "goods to 20% in exchange for a $90bn investment in American factories.",
        "2026-01-16",
    )
    rows = {s["statement_id"]: s for s in ex.statements.to_dicts()}
    got = {(s["actor"], s["target"], s["kind"]) for s in rows.values()}
    assert got == {("USA", "VNM", "tariff_reduction"), ("VNM", "USA", "other")}
    pairs = {
        (rows[r["commitment_statement_id"]]["kind"], rows[r["reciprocal_statement_id"]]["kind"])
        for r in ex.links.to_dicts()
    }
    assert pairs == {("tariff_reduction", "other")}
    # (a purchase named as the price is a purchase pledge)
    ex = run(
        "Washington will cut its tariff on Peruvian goods to 10% in return for purchases of "
        "$20bn of American farm goods.",
        "2026-01-16",
    )
    assert ("PER", "USA", "purchase_commitment") in {
        (s["actor"], s["target"], s["kind"]) for s in ex.statements.to_dicts()
    }
