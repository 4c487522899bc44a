// The bare-DOM peer: plain JavaScript, no framework. One <p> per clause;
// an annotated paragraph is cut at every start and end of its annotations
// and each piece that some annotation covers is a <mark> naming them all
// (data-annotations) and coloured by the last one's tag.
'use strict';

// render fills p with text and the marks of annotations anns.
function render(p, text, anns) {
  if (anns.length === 0) {
    p.textContent = text;
    return;
  }
  const cuts = new Set([0, text.length]);
  for (const a of anns) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i], to = points[i + 1];
    const piece = text.slice(from, to);
    const over = anns.filter(a => a.start <= from && a.end >= to);
    if (over.length === 0) {
      frag.append(piece);
      continue;
    }
    const m = document.createElement('mark');
    m.dataset.annotations = over.map(a => a.id).join(' ');
    m.className = over[over.length - 1].tag + (over.length > 1 ? ' overlap' : '');
    m.textContent = piece;
    frag.append(m);
  }
  p.replaceChildren(frag);
}

(async () => {
  try {
    const data = await peer.data();
    const { clauses } = data;
    const byClause = clauses.map(() => []);
    for (const a of data.annotations) byClause[a.clause].push(a);
    const root = document.getElementById('doc');
    const paras = clauses.map((c, i) => peer.paragraph(c, i));
    const frag = document.createDocumentFragment();
    paras.forEach((p, i) => {
      render(p, clauses[i].text, byClause[i]);
      frag.append(p);
    });
    root.append(frag);
    peer.afterPaint(() => performance.mark(peer.LOADED));

    let added = 0;
    peer.onAdd(root, i => {
      added++;
      byClause[i].push({ id: 'added-' + added, clause: i, start: 0, end: clauses[i].text.length, tag: 'request' });
      render(paras[i], clauses[i].text, byClause[i]);
      peer.afterPaint(() => performance.mark(peer.ADDED));
    });

    // shown maps each annotation id to the text of its marks, in order.
    const shown = () => {
      const text = new Map();
      for (const m of root.querySelectorAll('mark[data-annotations]')) {
        for (const id of m.dataset.annotations.split(' ')) text.set(id, (text.get(id) || '') + m.textContent);
      }
      return text;
    };
    peer.held = () => shown().size;
    peer.check = () => {
      const text = shown();
      const bad = [];
      byClause.forEach((anns, i) => {
        for (const a of anns) {
          const want = clauses[i].text.slice(a.start, a.end);
          if (text.get(a.id) !== want) bad.push(`${a.id} in ${clauses[i].id} shows ${JSON.stringify(text.get(a.id))}, not ${JSON.stringify(want)}`);
        }
      });
      return bad.slice(0, 3).join('; ');
    };
  } catch (e) {
    peer.fail(e);
  }
})();
