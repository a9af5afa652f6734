"""The kinds of measure the extractor's code names, one constant each.

The registry of kinds is `dbt_project/seeds/vocab_kinds.csv` (read by `ingestion.vocabulary`).
The classification rules (`rules.py`) name the kinds they emit; the other stages and the corpus
pass use these constants, so a kind's name is written once more in the extractor, here, and a
name the registry does not know fails at import rather than in the ledger's dbt tests.
"""

from __future__ import annotations

from ingestion import vocabulary

TARIFF_INCREASE = "tariff_increase"
TARIFF_REDUCTION = "tariff_reduction"
TARIFF_SUSPENSION = "tariff_suspension"
EXPORT_CONTROL = "export_control"
EXPORT_CONTROL_RELAXATION = "export_control_relaxation"
LICENSE_APPROVAL = "license_approval"
PURCHASE_COMMITMENT = "purchase_commitment"
VISA_POLICY = "visa_policy"
PORT_FEE = "port_fee"
INVESTIGATION = "investigation"
OTHER = "other"

_unknown = {
    value for name, value in dict(globals()).items() if name.isupper() and isinstance(value, str)
} - set(vocabulary.kinds())
if _unknown:
    raise ImportError(f"kinds missing from dbt_project/seeds/vocab_kinds.csv: {sorted(_unknown)}")
