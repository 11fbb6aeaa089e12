"""Made-up coverage of a made-up flood, for the web UI's tests (nothing from ../shared).

Four outlets over three days: two figures from the governor that move (an update), a same-day
figure from the mayor far from hers (a conflict), an exact copy and an edited copy of two
reports, and one article of another story. Each test states what it expects from these texts.
"""
from __future__ import annotations

import json
import pathlib

FILLER = ("Volunteers filled sandbags along the embankment through the night while the water kept rising. "
          "Schools in the lower town were closed and buses were sent to carry families to the sports hall. ")

ARTICLES = [
    {"id": "flood-1", "outlet": "Valley Post", "published": "2031-05-05",
     "url": "https://valley.example.org/flood-1",
     "title": "Floods force families from Marrowby",
     "text": ("Floods force families from Marrowby\n"
              "Governor Ana Duarte said on Monday that 1,200 people had been evacuated from Marrowby after "
              "the river burst its banks.\n"
              + FILLER + "\n"
              "Fire chief Tomas Berg said on Monday that 14 people had been injured.\n")},
    {"id": "flood-2", "outlet": "Coast Herald", "published": "2031-05-07",
     "url": "https://herald.example.org/flood-2",
     "title": "Marrowby flood evacuations grow",
     "text": ("Marrowby flood evacuations grow\n"
              "Governor Ana Duarte said on Wednesday that 3,500 people had been evacuated from Marrowby "
              "as the flood spread.\n"
              "The regional weather office warned that more rain would fall on the hills above the valley "
              "before the weekend, and the army moved boats and lorries into the lower town to help. "
              "Shops along the quay stayed shut and the ferry to the island did not run.\n"
              "Fire chief Tomas Berg said on Monday that 14 people had been injured.\n"
              "Farmers on the plain moved their cattle to higher fields, and the railway company stopped "
              "trains between the valley towns until engineers could inspect the bridges.\n")},
    {"id": "flood-3", "outlet": "River Times", "published": "2031-05-07",
     "url": "https://rivertimes.example.org/flood-3",
     "title": "Mayor gives higher flood evacuation count",
     "text": ("Mayor gives higher flood evacuation count\n"
              "Mayor Piet Olsen said on Wednesday that 9,000 people had been evacuated from Marrowby.\n"
              "Governor Ana Duarte had said on Monday that 1,200 people had been evacuated.\n"
              "He asked residents of the hill villages to stay at home and keep the roads clear for the "
              "rescue crews.\n")},
    {"id": "flood-2-copy", "outlet": "Wire Digest", "published": "2031-05-08",
     "url": "https://wire.example.org/flood-2-copy",
     "title": "Marrowby flood evacuations grow",
     "text": None},   # flood-2's text and a credit line: an exact copy
    {"id": "flood-1-edit", "outlet": "Hill Gazette", "published": "2031-05-06",
     "url": "https://gazette.example.org/flood-1-edit",
     "title": "Families leave Marrowby as river bursts banks",
     "text": ("Families leave Marrowby as river bursts banks\n"
              "Governor Ana Duarte said on Monday that 1,200 people had been evacuated from Marrowby after "
              "the river burst its banks.\n"
              + FILLER + "\n"
              "The bakery on the square handed out bread to the people waiting for the buses.\n")},
    {"id": "tractors", "outlet": "Farm Weekly", "published": "2031-06-10",
     "url": "https://farm.example.org/tractors",
     "title": "Tractor plant to open in Holmfirth",
     "text": ("Tractor plant to open in Holmfirth\n"
              "The company's chairman, Lena Voss, said on Tuesday that the plant would hire 250 workers.\n"
              "Building work on the site next to the canal starts in the autumn.\n")},
]
ARTICLES[3]["text"] = ARTICLES[1]["text"] + "Reporting by Wire Digest staff.\n"
# a phrase only flood-1 and its edited copy carry, on their third line
PHRASE = "sandbags along the embankment"


def build_ledger(path: pathlib.Path) -> pathlib.Path:
    """Ingest ``ARTICLES`` into a new ledger at ``path`` (through the library, as the CLI does)."""
    from newsledger import store
    from newsledger.ledger import ingest

    src = path.parent / "articles.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    conn = store.connect(path)
    report = ingest(conn, [str(src)])
    assert not report.failed, report.problems
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path
