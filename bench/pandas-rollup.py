"""Spend per supplier of a bench payments file (SYNTHETIC), the way an analyst would do it in pandas.

    python3 bench/pandas-rollup.py <file> <windows-1252|utf-8>

Prints one JSON object: rows read, amounts read, suppliers, the total in cents, and the time spent
importing pandas, reading the file and grouping it. bench/measure-pandas.ts runs it; the papaparse
roll-up (bench/measure-papaparse-rollup.ts) does the same work, so both totals must agree.
"""

import json
import sys
import time

started = time.perf_counter()
import pandas as pd  # noqa: E402  (timed: importing pandas is part of what a user waits for)

imported = time.perf_counter()
path, encoding = sys.argv[1], sys.argv[2]

# The export's shape: a title line then a blank line before the header, ";" between fields, decimal
# commas. Every column is read as text: the amounts group thousands with a space, a no-break space
# or nothing and sometimes end in "€", which read_csv's single `thousands` character cannot take.
frame = pd.read_csv(
    path,
    sep=";",
    decimal=",",
    quotechar='"',
    encoding="cp1252" if encoding == "windows-1252" else "utf-8-sig",
    skiprows=1,
    dtype=str,
    na_filter=False,
)
read = time.perf_counter()

text = frame["Montant TTC"].str.replace(r"[\s€]", "", regex=True).str.replace(",", ".", regex=False)
# Integer cents, as the ingest core keeps them; an amount that does not read (empty, text, the
# header repeated, a line cut short) is left out.
cents = (pd.to_numeric(text, errors="coerce") * 100).round()
readable = cents.notna()
totals = cents[readable].astype("int64").groupby(frame["Code tiers"][readable]).sum()
grouped = time.perf_counter()

print(
    json.dumps(
        {
            "pandasVersion": pd.__version__,
            "rows": int(len(frame)),
            "amounts": int(readable.sum()),
            "suppliers": int(len(totals)),
            "totalCents": int(totals.sum()),
            "importMs": (imported - started) * 1000,
            "readMs": (read - imported) * 1000,
            "groupMs": (grouped - read) * 1000,
        }
    )
)
