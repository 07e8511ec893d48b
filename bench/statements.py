#!/usr/bin/env python3
"""PostgreSQL's statement log (log_min_duration_statement = 0) on stdin; on stdout, each statement executed, its
parameters inlined, one a line and ending in ';', in the order logged: ready to replay in psql with \\timing, so that
PostgreSQL's own time for the SQL a service sent can be set beside the service's. Used by bench/query.sh and
bench/pages.sh. Usage: tail -n +LINE statements.log | bench/statements.py > statements.sql
"""
import re
import sys

# One record per log line prefix ("2026-11-29 18:00:00.000 UTC [pid] ..."); a statement written over several lines
# continues on the lines after it.
records = []
for line in sys.stdin.read().splitlines():
    if re.match(r"\d{4}-\d\d-\d\d ", line) or not records:
        records.append(line)
    else:
        records[-1] += "\n" + line
for i, record in enumerate(records):
    m = re.search(r"duration: [0-9.]+ ms  (?:execute [^:]+|statement): (.*)", record, re.S)
    if not m:
        continue
    params = {}
    if i + 1 < len(records) and "Parameters:" in records[i + 1]:
        params = {int(k): v for k, v in re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", records[i + 1])}
    sql = re.sub(r"\$(\d+)", lambda p: params[int(p.group(1))], m.group(1)).strip()
    print(" ".join(sql.split()) + ";")
