# Converts pdftohtml -i output of a UN Security Council draft into pandoc
# Markdown: page furniture dropped, paragraphs split by page breaks joined,
# italics kept, operative paragraphs as an ordered list (pandoc makes Word
# automatic numbering), sub-paragraphs as a nested (a) list, footnotes as [^n].
import html, re, sys
src = open(sys.argv[1]).read()
body = src[src.index('<body'):]
body = body[body.index('>')+1:]
body = re.sub(r'<hr/>|<a name=\d+></a>', '', body)
body = re.sub(r'</?a[^>]*>', '', body)
body = re.sub(r'</?b>', '', body)
body = body.replace('&#160;', ' ')
lines = [html.unescape(l) for l in body.split('<br/>')]
furniture = re.compile(r'^\s*(S/2024/400|\d+/6|24-09272( \(E\))?( +\d+)?|\*2409272\*|_+|S|United Nations|/2024/400|</body>.*|</html>.*)\s*$', re.S)
paras, cur = [], []
for l in lines:
    l = l.replace('\n', ' ')
    if furniture.match(l):
        continue
    if l.strip() in ('', '<i> </i>', '<i>  </i>'):
        if cur:
            paras.append(' '.join(cur)); cur = []
        continue
    cur.append(l.strip())
if cur: paras.append(' '.join(cur))
def md(s):
    s = re.sub(r'<i>(\s*)(.*?)(\s*)</i>', lambda m: m.group(1) + ('*' + m.group(2) + '*' if m.group(2) else '') + m.group(3), s)
    s = re.sub(r'\*\s+\*', ' ', s)
    return re.sub(r'\s+', ' ', s).strip()
out = [md(p) for p in paras]
print('\n\n'.join(out))
