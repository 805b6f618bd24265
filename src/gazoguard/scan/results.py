"""The run's tables, written from the ledger: ``results.parquet``, ``findings.parquet`` and JSON Lines of both.

They are rewritten whole at the end of every run (atomically: a temporary file, then a rename), in
(source, path, sha256) order, in batches so memory stays flat; the ledger stays the truth.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from gazoguard.scan.ledger import Ledger
from gazoguard.scan.worker import ROW_FIELDS

BATCH = 2000


def _schemas() -> tuple[Any, Any]:
    import pyarrow as pa

    text, flag, whole = pa.string(), pa.bool_(), pa.int64()
    results = pa.schema([
        ("source", text), ("path", text), ("sha256", text), ("size", whole), ("file_time", text), ("status", text),
        ("reason", text), ("reason_ja", text), ("reason_en", text), ("format", text), ("width", pa.int32()),
        ("height", pa.int32()), ("level", text), ("action", text), ("kinds", pa.list_(text)),
        ("categories", pa.list_(text)), ("n_findings", pa.int32()), ("counts", text), ("doc_kind", text),
        ("must_not_store", flag), ("sexual", flag), ("minor", flag), ("failed_detectors", pa.list_(text)),
        ("pdq", text), ("pdq_quality", pa.int32()), ("elapsed_ms", pa.float64()),
    ])
    assert tuple(results.names) == ROW_FIELDS
    findings = pa.schema([
        ("source", text), ("path", text), ("sha256", text), ("n", pa.int32()), ("kind", text), ("category", text),
        ("score", pa.float64()), ("detector", text), ("x0", pa.int32()), ("y0", pa.int32()), ("x1", pa.int32()),
        ("y1", pa.int32()), ("has_text", flag),
    ])
    return results, findings


def write_tables(ledger: Ledger, run_dir: Path) -> dict[str, int]:
    """Write the four files; returns the row counts."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    result_schema, finding_schema = _schemas()
    paths = {name: run_dir / name for name in ("results.parquet", "findings.parquet", "results.jsonl", "findings.jsonl")}
    temps = {name: path.with_name(path.name + ".tmp") for name, path in paths.items()}
    counts = {"results": 0, "findings": 0}
    with pq.ParquetWriter(temps["results.parquet"], result_schema) as result_pq, \
            pq.ParquetWriter(temps["findings.parquet"], finding_schema) as finding_pq, \
            open(temps["results.jsonl"], "w", encoding="utf-8") as result_jl, \
            open(temps["findings.jsonl"], "w", encoding="utf-8") as finding_jl:
        rows: list[dict[str, Any]] = []
        finds: list[dict[str, Any]] = []

        def flush() -> None:
            if rows:
                result_pq.write_table(pa.Table.from_pylist(rows, schema=result_schema))
            if finds:
                finding_pq.write_table(pa.Table.from_pylist(finds, schema=finding_schema))
            rows.clear()
            finds.clear()

        for row, findings in ledger.rows():
            rows.append(row)
            finds.extend(findings)
            result_jl.write(json_line(row))
            finding_jl.writelines(json_line(f) for f in findings)
            counts["results"] += 1
            counts["findings"] += len(findings)
            if len(rows) >= BATCH:
                flush()
        flush()
    for name, path in paths.items():
        os.replace(temps[name], path)
    return counts


def json_line(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
