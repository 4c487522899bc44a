# The seed A/HRC/RES/53/11 text as pandoc Markdown, as its Word version
# would hold it: header lines as paragraphs, page-split paragraphs joined,
# footnotes as [^n], operative paragraphs as an ordered list.
import re, sys
t = open(sys.argv[1]).read()
blocks = [b.strip() for b in re.split(r'\n\s*\n', t) if b.strip()]
notes = {}
sup = {'¹': 1, '²': 2, '³': 3, '⁴': 4, '⁵': 5}
body = []
for b in blocks:
    m = re.match(r'^([¹²³⁴⁵]) (.*)$', b, re.S)
    if m:
        notes[sup[m.group(1)]] = m.group(2)
        continue
    if body and not re.search(r'[,;.:\]*]$', body[-1]) and re.match(r'^[a-z]', b):
        body[-1] += ' ' + b
        continue
    body.append(b)
out = []
for b in body:
    b = b.replace('\n', ' ') if not b.startswith('*34th') else b.replace('\n', '\\\n')
    if b.startswith('[Adopted'):
        b = '\\' + b
    if b.endswith(']'):
        b = b[:-1] + '\\]'
    for s, n in sup.items():
        b = b.replace(s, '[^%d]' % n)
    out.append(b)
# the header: the seed glues its lines with ** markers; a Word file has
# one paragraph per printed line group
hdr = out[:4]
out = out[4:]
text = '\n\n'.join(out)
heads = [
 'Human Rights Council', '**Fifty-third session**', '19 June–14 July 2023', 'Agenda item 3',
 '**Promotion and protection of all human rights, civil, political, economic, social and cultural rights, including the right to development**',
 '**Resolution adopted by the Human Rights Council on 12 July 2023**',
 '**53/11. Enhancement of international cooperation in the field of human rights**',
 '*The Human Rights Council,*']
joined = ' '.join(hdr).replace('\n', ' ')
for h in heads:
    assert h.strip('*') in joined, h
print('\n\n'.join(heads) + '\n\n' + text + '\n\n' + '\n\n'.join('[^%d]: %s' % (n, notes[n]) for n in sorted(notes)))
