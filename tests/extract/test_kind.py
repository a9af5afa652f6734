"""Kind classification and the commitment / measure distinction."""

from __future__ import annotations

import pytest

from ingestion.extract.rules import classify
from tests.extract.conftest import statements


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("Washington doubled the levy on Chinese furniture to 50%", "tariff_increase"),
        ("China will cut its duty on US pork to 10% from 40%", "tariff_reduction"),
        ("the US will pause 24 points of the tariff for 90 days", "tariff_suspension"),
        ("Beijing imposed export controls on graphite", "export_control"),
        ("the ministry added six US firms to its unreliable entity list", "export_control"),
        ("China lifted export restrictions on gallium for US buyers", "export_control_relaxation"),
        (
            "the ministry approved a batch of rare earth export licence applications",
            "license_approval",
        ),
        ("China agreed to buy 20 million tons of American soybeans", "purchase_commitment"),
        ("the State Department will revoke visas of some Chinese researchers", "visa_policy"),
        ("the USTR will charge port fees on China-built vessels", "port_fee"),
        (
            "the Commerce Ministry launched an anti-dumping probe into US polysilicon",
            "investigation",
        ),
        ("China will suspend or remove the non-tariff countermeasures it took", "other"),
    ],
)
def test_classify(clause: str, kind: str) -> None:
    k = classify(clause)
    assert k is not None and k.kind == kind


def test_nouns_are_not_verbs() -> None:
    # "additional" is not "add", "escalation" not "escalate", "approval" not "approve".
    assert classify("the talks sought a de-escalation of the additional burden") is None
    assert classify("shipments fell due to lengthy approval processes") is None


def test_commitment_versus_measure() -> None:
    promise = statements("China will lower its duty on US beef to 10% from 25% on Monday.")
    taken = statements("China lowered its duty on US beef to 10% from 25% on Monday.")
    assert promise[0]["is_commitment"] is True and promise[0]["status"] == "announced"
    assert taken[0]["is_commitment"] is False and taken[0]["status"] == "implemented"


def test_restrictive_future_is_measure_not_commitment() -> None:
    out = statements("Beijing will impose a 15% duty on US coal from February 10.", "2025-02-04")
    assert out[0]["kind"] == "tariff_increase" and out[0]["is_commitment"] is False


def test_duty_named_only_by_its_rate() -> None:
    out = statements(
        "Beijing answered Washington's latest duties on Monday. "
        "Under the new schedule, US walnuts will carry an additional 12 percent "
        "from June 1, the tariff commission said on Monday.",
        "2025-05-26",
    )
    assert out and out[0]["kind"] == "tariff_increase" and out[0]["actor"] == "CHN"


def test_participle_adjective_is_not_a_cut() -> None:
    assert classify("leaving in place a substantially lowered tariff on most partners") is None


def test_lifting_a_ban_is_an_easing() -> None:
    out = statements(
        "Beijing said on Thursday it had suspended its export ban on dual-use items "
        "to the United States until next November.",
        "2025-11-10",
    )
    assert out and out[0]["kind"] == "export_control_relaxation" and out[0]["actor"] == "CHN"


def test_waived_rate_goes_to_zero() -> None:
    out = statements(
        "Washington said on Friday it would waive the 25% tariff on Chinese "
        "medical gloves for another year.",
        "2025-06-06",
    )
    assert out and (out[0]["rate_before_pct"], out[0]["rate_after_pct"]) == (25.0, 0.0)


def test_purchase_pledge_in_a_brief() -> None:
    out = statements(
        "China will buy $25 billion of American farm goods a year under the "
        "agreement, the White House said on Sunday.",
        "2025-11-02",
    )
    assert out and out[0]["kind"] == "purchase_commitment" and out[0]["is_commitment"] is True


@pytest.mark.parametrize(
    "clause",
    [
        "Tokyo will let chipmakers ship lithography tools to Chinese fabs again",
        "the Commerce Department authorised exports of jet engines to COMAC",
        "Ottawa permitted sales of uranium to India after the talks",
    ],
)
def test_goods_let_go_are_a_relaxation(clause: str) -> None:
    k = classify(clause)
    assert k is not None and k.kind == "export_control_relaxation"


@pytest.mark.parametrize(
    "clause",
    [
        # denied, refused or conditional permits restrict rather than ease
        "Seoul will not allow memory chips to be shipped to the listed firms",
        "the bureau intends to deny requests to allow the firm to ship ethane to China",
        "the rule allows firms to export the chips only with a licence",
    ],
)
def test_denied_or_conditional_permits_are_not_a_relaxation(clause: str) -> None:
    k = classify(clause)
    assert k is None or k.kind != "export_control_relaxation"


def test_checks_on_exports_are_a_control_and_a_security_check_is_not() -> None:
    eased = classify("Seoul dropped its extra reviews of shipments of hydrogen fluoride to Japan")
    assert eased is not None and eased.kind == "export_control_relaxation"
    assert classify("Airport security checks were suspended for an hour") is None


def test_no_duty_under_a_deal_is_a_zero_tariff_promise() -> None:
    out = statements("Peru will not charge duties on US wheat under the new pact, Lima said.")
    assert [(s["actor"], s["target"], s["kind"], s["rate_after_pct"]) for s in out] == [
        ("PER", "USA", "tariff_reduction", 0.0)
    ]
    # without a deal it only denies a step: no statement
    assert statements("Peru will not impose retaliatory duties for now, Lima said.") == []


def test_suspended_licences_that_let_goods_go_are_a_control() -> None:
    k = classify(
        "Tokyo has suspended several export licences that let its chipmakers ship etching "
        "tools to Chinese fabs"
    )
    assert k is not None and k.kind == "export_control"


def test_a_total_named_after_an_article_is_no_new_measure() -> None:
    assert classify("With the earlier duties, the combined charge stood at 60 percent.") is None
    k = classify("Seoul will charge an extra 10% duty on US beef.")
    assert k is not None and k.kind == "tariff_increase"


def test_eased_trade_remedies_are_read_as_any_eased_tariff() -> None:
    out = statements("Brazil cut its anti-dumping duties on Chinese steel pipes to 5% on Monday.")
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [
        ("BRA", "CHN", "tariff_reduction")
    ]


def test_what_comes_as_news_is_not_the_subject_that_comes() -> None:
    out = statements(
        "The latest increase comes as Ottawa announced on Monday a 30-day pause on its "
        "surtax on all US goods.",
        "2025-03-10",
    )
    assert "tariff_increase" not in {s["kind"] for s in out}


def test_limited_volumes_are_no_restriction() -> None:
    k = classify(
        "the two sides agreed to end their steel dispute, with Ottawa allowing limited "
        "volumes of Korean steel in duty-free and Seoul dropping its duties on Canadian pork"
    )
    assert k is not None and k.kind != "tariff_increase"


def test_stopping_purchases_is_no_purchase_pledge() -> None:
    k = classify("Ankara agreed to stop buying Iranian gas under the deal")
    assert k is None or k.kind != "purchase_commitment"
    k = classify("Ankara agreed to buy more US gas under the deal")
    assert k is not None and k.kind == "purchase_commitment"
