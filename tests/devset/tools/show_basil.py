"""Print a BASIL article as newsledger's text_from_record builds it, one numbered line per line."""
import json, pathlib, sys
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[3]))
from newsledger.ingest.jsonarticle import text_from_record

SHARED = pathlib.Path("/work/shared")
for arg in sys.argv[1:]:
    p = next((SHARED / "corpora/basil").glob(f"*/{arg}*.json"))
    rec = json.loads(p.read_text(encoding="utf-8"))
    text = text_from_record(rec)
    print(f"=== {p.stem} {rec.get('source')} {rec.get('date')}")
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip():
            print(f"{n:3d}| {line}")
