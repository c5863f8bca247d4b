"""Usage: python trfill.py FILE.ts < pairs.tsv  (context|source|translation per line; numerus: translation1||translation2)"""
import sys, re, html
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
pairs = {}
for line in sys.stdin.read().splitlines():
    if not line.strip():
        continue
    ctx, src, tr = line.split("|", 2) if line.count("|") >= 2 else (None,)*3
    pairs[(ctx, src)] = tr
def esc(s): return html.escape(s, quote=False).replace("'", "&apos;").replace('"', "&quot;")
out = []
ctx = None
pos = 0
for m in re.finditer(r"<context>\s*<name>(.*?)</name>|<message( numerus=\"yes\")?>(.*?)</message>", text, re.S):
    if m.group(1) is not None:
        ctx = html.unescape(m.group(1)); continue
    body = m.group(3)
    src = html.unescape(re.search(r"<source>(.*?)</source>", body, re.S).group(1))
    key = (ctx, src)
    if key not in pairs or 'type="unfinished"' not in body:
        continue
    tr = pairs.pop(key)
    if m.group(2):
        forms = tr.split("||")
        new = "<translation>" + "".join(f"\n            <numerusform>{esc(f)}</numerusform>" for f in forms) + "\n        </translation>"
    else:
        new = f"<translation>{esc(tr)}</translation>"
    body2 = re.sub(r"<translation[^>]*>.*?</translation>|<translation[^>]*/>", lambda _m: new, body, count=1, flags=re.S)
    out.append((m.start(3), m.end(3), body2))
for s, e, b in reversed(out):
    text = text[:s] + b + text[e:]
open(path, "w", encoding="utf-8").write(text)
print("filled", len(out), "left", list(pairs))
