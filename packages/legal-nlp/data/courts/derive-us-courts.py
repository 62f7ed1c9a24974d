#!/usr/bin/env python3
"""Derives us-courts.json from Free Law Project's courts-db (BSD-2-Clause; see LICENSE-courts-db).

Usage: python3 derive-us-courts.py [path/to/courts-db/courts.json]
Default input: ../shared/data/citation-tables/courts-db/courts.json beside the repository.
Keeps, per court: id, name, citation string, system (federal/state/...), type (appellate/trial/...),
level (colr = court of last resort, iac = intermediate appellate, gjc/ljc = trial) and location.
The name regexes of courts-db are not copied (they use its own template syntax).
"""
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
default = os.path.join(here, '..', '..', '..', '..', '..', 'shared', 'data', 'citation-tables', 'courts-db', 'courts.json')
src = sys.argv[1] if len(sys.argv) > 1 else default
courts = json.load(open(src, encoding='utf-8'))
out = []
for c in courts:
    if not c.get('name'):
        continue
    out.append({
        'id': c['id'],
        'name': c['name'],
        'citation': c.get('citation_string') or None,
        'system': c.get('system') or None,
        'type': c.get('type') or None,
        'level': c.get('level') or None,
        'location': c.get('location') or None,
    })
out.sort(key=lambda c: c['id'])
with open(os.path.join(here, 'us-courts.json'), 'w', encoding='utf-8') as f:
    json.dump({
        'source': 'freelawproject/courts-db @ b8918b5 (courts.json), BSD-2-Clause, Copyright (c) 2020, Free Law Project; see LICENSE-courts-db',
        'courts': out,
    }, f, ensure_ascii=False, separators=(',', ':'))
    f.write('\n')
print(f'{len(out)} courts written')
