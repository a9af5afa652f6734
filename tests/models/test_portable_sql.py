"""The dbt project's SQL stays portable: no DuckDB-only syntax outside macros/portable/.

The models build on DuckDB today and are meant to build on Spark as well (issue 14,
docs/spark.md). What only DuckDB reads (`::` casts, type names such as varchar and
timestamptz, list literals, list functions and lambdas, regexp_full_match, strftime, ...) goes
through dbt's cross-database macros (dbt.type_string(), dbt.cast, dbt.date_trunc, ...) or through
an adapter.dispatch macro in dbt_project/macros/portable/ with a DuckDB (default__) and a Spark
(spark__) body. This test reads the SQL of the models, snapshots, generic tests and the other
macros, with comments and string literals left out, and fails on any such construct, naming file
and line. Jinja is left out too, except the string literals it passes to macros (SQL fragments
such as 'coalesce(a, b)'), which are checked as SQL.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orchestration.project import DBT_PROJECT_DIR

PORTABLE_MACROS = DBT_PROJECT_DIR / "macros" / "portable"

# Files still allowed to use DuckDB-only SQL, each with the reason (docs/spark.md, "What is left").
ALLOWED = {
    # vocab_fixture()'s DuckDB body reads a seed's CSV for unit tests (its Spark body, the seed)
    "macros/vocab_fixture.sql": "read_csv",
}

# DuckDB-only functions (called as name(...)), with the portable spelling to use instead.
DUCKDB_FUNCTIONS = {
    "list": "array_union_agg() or collect_list",
    "len": "array_size()",
    "array_length": "array_size()",
    "string_split": "string_to_array()",
    "string_split_regex": "a macro in macros/portable/",
    "starts_with": "starts_with() (the macro)",
    "ends_with": "a macro in macros/portable/",
    "regexp_full_match": "full_match()",
    "regexp_matches": "regex_contains()",
    "strftime": "format_date()",
    "strptime": "a macro in macros/portable/",
    "arg_min": "min_by",
    "arg_max": "max_by",
    "read_csv": "a source",
    "read_csv_auto": "a source",
    "read_parquet": "a source",
    "read_json": "a source",
    "read_json_auto": "a source",
}
FUNCTION_CALL = re.compile(
    r"\b(" + "|".join(sorted(DUCKDB_FUNCTIONS, key=len, reverse=True)) + r"|list_\w+)\s*\(",
    re.IGNORECASE,
)
# Other DuckDB-only syntax: `::` casts, types Spark does not know (varchar needs a length there),
# lambdas.
DUCKDB_SYNTAX = [
    (re.compile(r"::"), "a `::` cast: cast(x as {{ dbt.type_string() }}) etc."),
    (
        re.compile(r"\bvarchar\b(?!\s*\()", re.IGNORECASE),
        "varchar: {{ dbt.type_string() }} or {{ type_string_array() }}",
    ),
    (re.compile(r"\btimestamptz\b", re.IGNORECASE), "timestamptz: {{ type_timestamptz() }}"),
    (re.compile(r"\b(u?hugeint|ubigint|uinteger|usmallint|utinyint)\b", re.IGNORECASE), "type"),
    (re.compile(r"\blambda\b", re.IGNORECASE), "a lambda: array_filter()"),
]
# A list literal ([...] not right after a name or a bracket, which would be a subscript).
LIST_LITERAL = re.compile(r"(?:^|(?<=[^\w\]\)\s]))\s*\[")

JINJA_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", re.DOTALL)
PLACEHOLDER = "jinja_expr"


def _jinja_end(text: str, start: int, closing: str) -> int:
    """Index just after the Jinja tag that starts at `start`, skipping Jinja strings."""
    i = start + 2
    quote = None
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif text.startswith(closing, i):
            return i + 2
        i += 1
    raise ValueError(f"unclosed Jinja tag at {start}")


def split_jinja(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The text with Jinja replaced (line breaks kept), and the Jinja's string literals.

    An expression becomes a placeholder name (so `{{ x }}[1]` still reads as a subscript);
    statements and comments become blanks. Each string literal comes with its line number.
    """
    out: list[str] = []
    strings: list[tuple[int, str]] = []
    i = 0
    while i < len(text):
        opening = text[i : i + 2]
        if opening in ("{{", "{%", "{#"):
            closing = {"{{": "}}", "{%": "%}", "{#": "#}"}[opening]
            end = text.index("#}", i) + 2 if opening == "{#" else _jinja_end(text, i, closing)
            tag = text[i:end]
            line = text.count("\n", 0, i) + 1
            if opening != "{#":
                for m in JINJA_STRING.finditer(tag):
                    strings.append((line + tag.count("\n", 0, m.start()), m.group()[1:-1]))
            filler = PLACEHOLDER if opening == "{{" else " "
            out.append(filler + "\n" * tag.count("\n"))
            i = end
        else:
            out.append(text[i])
            i += 1
    return "".join(out), strings


def strip_sql(sql: str) -> str:
    """SQL with comments removed and string literals emptied (line breaks kept)."""
    out: list[str] = []
    i = 0
    while i < len(sql):
        if sql.startswith("--", i):
            end = sql.find("\n", i)
            i = len(sql) if end < 0 else end
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            end = len(sql) if end < 0 else end + 2
            out.append("\n" * sql.count("\n", i, end))
            i = end
        elif sql[i] == "'":
            j = i + 1
            while j < len(sql):
                if sql[j] == "'" and sql.startswith("''", j):
                    j += 2
                elif sql[j] == "'":
                    break
                else:
                    j += 1
            out.append("''" + "\n" * sql.count("\n", i, j))
            i = j + 1
        else:
            out.append(sql[i])
            i += 1
    return "".join(out)


def findings(text: str, first_line: int = 1) -> list[tuple[int, str, str]]:
    """(line, construct, what to use instead) for each DuckDB-only construct in `text`."""
    sql, jinja_strings = split_jinja(text)
    found = []
    for number, line in enumerate(strip_sql(sql).splitlines(), start=first_line):
        for m in FUNCTION_CALL.finditer(line):
            name = m.group(1).lower()
            found.append((number, m.group(0), DUCKDB_FUNCTIONS.get(name, "a macro")))
        for pattern, instead in DUCKDB_SYNTAX:
            for m in pattern.finditer(line):
                found.append((number, m.group(0), instead))
        found.extend(
            (number, "[", "a list literal: {{ empty_string_array() }} or a macro")
            for _ in LIST_LITERAL.finditer(line)
        )
    for line, fragment in jinja_strings:
        found.extend(findings(fragment, first_line=line + first_line - 1))
    return found


def sql_files() -> list[Path]:
    files = [
        path
        for folder in ("models", "snapshots", "tests", "macros")
        for path in sorted((DBT_PROJECT_DIR / folder).rglob("*.sql"))
        if PORTABLE_MACROS not in path.parents
    ]
    assert any("models" in p.parts for p in files)
    return files


@pytest.mark.parametrize("path", sql_files(), ids=lambda p: str(p.relative_to(DBT_PROJECT_DIR)))
def test_sql_has_no_duckdb_only_constructs(path: Path) -> None:
    relative = str(path.relative_to(DBT_PROJECT_DIR))
    found = findings(path.read_text())
    if relative in ALLOWED:
        allowed = ALLOWED[relative]
        found = [f for f in found if not f[1].lower().startswith(allowed)]
    assert not found, f"{relative}: DuckDB-only SQL outside macros/portable/:\n" + "\n".join(
        f"  line {line}: {construct!r} -> use {instead}" for line, construct, instead in found
    )


@pytest.mark.parametrize(
    "snippet",
    [
        "select x::varchar as x",
        "select cast(x as varchar) as x",
        "select cast(x as timestamptz) as x",
        "select coalesce(xs, []) as xs",
        "select list_sort(xs) as xs",
        "select len(xs) as n",
        "select strftime(d, '%Y-%m') as m",
        "select regexp_full_match(a, '[A-Z]{3}') as ok",
        "select list_filter(xs, lambda x: x > 1) as xs",
        "select arg_min(a, b) as a",
        "select {{ array_size('x::varchar[]') }} as n",
        "{% set q %}select strftime(d, '%Y') {% endset %}select 1",
    ],
)
def test_the_check_sees_duckdb_only_sql(snippet: str) -> None:
    assert findings(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        "select cast(x as {{ dbt.type_string() }}) as x, cast(y as double) as y",
        "-- a comment may say x::varchar or len(x)\nselect 1",
        "select 'text may say list_sort(xs) or a::b' as note",
        "select xs[1] as first, {{ ref('m') }}[2] as second, f(a)[3] as third",
        "select {{ array_size(array_filter('xs', 'x', starts_with('x', \"'a'\"))) }} > 0",
        "{#- a Jinja comment: x::varchar -#}select min_by(a, b) as a",
        "select cast(x as varchar(10)) as x",
    ],
)
def test_the_check_passes_portable_sql(snippet: str) -> None:
    assert not findings(snippet)


def test_each_portable_macro_has_a_duckdb_and_a_spark_body() -> None:
    """Every macro that dispatches in macros/portable/ has default__ and spark__ bodies."""
    text = "\n".join(p.read_text() for p in sorted(PORTABLE_MACROS.glob("*.sql")))
    dispatched = re.findall(r"adapter\.dispatch\('(\w+)', 'tradeledger'\)", text)
    assert dispatched
    defined = set(re.findall(r"\{%-?\s*macro\s+(\w+)\s*\(", text))
    missing = [
        f"{prefix}__{name}"
        for name in dispatched
        for prefix in ("default", "spark")
        if f"{prefix}__{name}" not in defined
    ]
    assert not missing, f"dispatch macros without a body: {missing}"
