"""Fill unfinished translations of a Qt .ts file.

Usage: python tools/trfill.py FILE.ts < pairs.tsv    (context|source|translation per line)
       python tools/trfill.py FILE.ts --json pairs.json   ([[context, source, translation], ...])
Plural (numerus) entries: translation forms separated by "||".
"""

import html
import json
import re
import sys
from pathlib import Path

path = Path(sys.argv[1])
text = path.read_text(encoding="utf-8")
pairs = {}
if len(sys.argv) > 3 and sys.argv[2] == "--json":
    for ctx, src, tr in json.loads(Path(sys.argv[3]).read_text(encoding="utf-8")):
        pairs[(ctx, src)] = tr
else:
    for line in sys.stdin.read().splitlines():
        if not line.strip():
            continue
        ctx, src, tr = line.split("|", 2) if line.count("|") >= 2 else (None,) * 3
        pairs[(ctx, src)] = tr


def esc(s):
    return html.escape(s, quote=False).replace("'", "&apos;").replace('"', "&quot;")


out = []
ctx = None
pos = 0
for m in re.finditer(
    r"<context>\s*<name>(.*?)</name>|<message( numerus=\"yes\")?>(.*?)</message>", text, re.S
):
    if m.group(1) is not None:
        ctx = html.unescape(m.group(1))
        continue
    body = m.group(3)
    src = html.unescape(re.search(r"<source>(.*?)</source>", body, re.S).group(1))
    key = (ctx, src)
    if key not in pairs or 'type="unfinished"' not in body:
        continue
    tr = pairs.pop(key)
    if m.group(2):
        forms = tr.split("||")
        new = (
            "<translation>"
            + "".join(f"\n            <numerusform>{esc(f)}</numerusform>" for f in forms)
            + "\n        </translation>"
        )
    else:
        new = f"<translation>{esc(tr)}</translation>"
    body2 = re.sub(
        r"<translation[^>]*>.*?</translation>|<translation[^>]*/>",
        lambda _m, new=new: new,
        body,
        count=1,
        flags=re.S,
    )
    out.append((m.start(3), m.end(3), body2))
for s, e, b in reversed(out):
    text = text[:s] + b + text[e:]
path.write_text(text, encoding="utf-8")
print("filled", len(out), "left", list(pairs))
