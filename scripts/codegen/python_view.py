"""Write the view of the spec that openapi-python-client generates from (stdin: none).

    python scripts/codegen/python_view.py SPEC OUT

One change, and only for the Python generator: `components.schemas.Timestamp`, which the
spec writes as `anyOf: [date-time, "" (maxLength 0), null]` so that Go and TypeScript
clients accept `""`, becomes `type: [string, 'null'], format: date-time`. The generator does
not enforce `maxLength`, so the `anyOf` would type every timestamp `datetime | str | None`
and keep a malformed one as a str; our date-time template already reads `""` (and null) as
"not set" and rejects anything that is not RFC 3339. Everything else is copied as is, and a
spec without a `Timestamp` schema (the small specs the codegen tests generate) is copied whole.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def main() -> None:
    spec_path, out_path = sys.argv[1:3]
    spec = yaml.safe_load(Path(spec_path).read_text(encoding="utf-8"))
    schemas = spec.get("components", {}).get("schemas", {})
    if "Timestamp" in schemas:
        timestamp = schemas["Timestamp"]
        view = {k: v for k, v in timestamp.items() if k not in ("anyOf", "examples")}
        view.update({"type": ["string", "null"], "format": "date-time"})
        schemas["Timestamp"] = view
    Path(out_path).write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True))


if __name__ == "__main__":
    main()
