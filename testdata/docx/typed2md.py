# A General Assembly resolution's text (testdata/resolutions/*.txt, made
# from the official PDF) as pandoc Markdown for a Word file with TYPED
# numbers, as a PDF-to-Word conversion makes it: the paragraph numbers are
# text (escaped, so pandoc makes no list of them), the footnote markers and
# the footnote lines typed superscript digits (^1^), the footnote lines
# where the page breaks left them, paragraphs split by a page break left
# split. Only the header, which the text file glues with ** markers, is
# laid out one paragraph per printed line group.
import re, sys
t = open(sys.argv[1]).read()
sup = {'¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁰': '0'}
blocks = [b.strip() for b in re.split(r'\n\s*\n', t) if b.strip()]
heads = sys.argv[2:]
glued = ' '.join(b.replace('\n', ' ') for b in blocks[:len(blocks)])
body = []
started = False
for b in blocks:
    if not started:
        if b.rstrip().endswith('*The General Assembly,*'):
            started = True
        continue
    if b.startswith('*') and 'meeting' in b:
        b = b.replace('\n', '\\\n')
    else:
        b = b.replace('\n', ' ')
    b = re.sub(r'^(\d+)\. ', r'\1\\. ', b)
    b = re.sub(r'[¹²³⁴⁵⁶⁷⁸⁹⁰]+', lambda m: '^' + ''.join(sup[c] for c in m.group(0)) + '^', b)
    body.append(b)
for h in heads:
    assert h.strip('*').replace('\\', '') in ' '.join(blocks[:6]).replace('\n', ' '), h
print('\n\n'.join(heads + body))
