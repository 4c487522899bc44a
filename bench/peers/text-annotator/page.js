// The @recogito/text-annotator peer: one <p> per clause, the annotator on
// their container with the SPANS renderer, the annotations loaded with
// setAnnotations(list, false). Its renderer redraws on its own schedule
// (a short debounce, an animation frame) and then, in a task, emits
// onRedraw: the page sets its marks at the first onRedraw that shows what
// was loaded or added.
'use strict';

(async () => {
  try {
    const data = await peer.data();
    const { clauses } = data;
    const root = document.getElementById('doc');
    // Offsets of text-annotator count the container's text: each clause's
    // starts where the previous one's ends.
    const base = [];
    let offset = 0;
    const frag = document.createDocumentFragment();
    clauses.forEach((c, i) => {
      base.push(offset);
      offset += c.text.length;
      const p = peer.paragraph(c, i);
      p.textContent = c.text;
      frag.append(p);
    });
    root.append(frag);

    const anno = RecogitoJS.createTextAnnotator(root, { renderer: 'SPANS' });
    const quote = a => clauses[a.clause].text.slice(a.start, a.end);
    const toAnnotation = a => ({
      id: a.id,
      bodies: [{ id: a.id + '-tag', annotation: a.id, purpose: 'tagging', value: a.tag }],
      target: {
        annotation: a.id,
        selector: [{ quote: quote(a), start: base[a.clause] + a.start, end: base[a.clause] + a.end }],
      },
    });
    // whenRedrawn marks name at the first redraw for which done() holds.
    const whenRedrawn = (done, name) => {
      const off = anno.renderer.on('onRedraw', () => {
        if (done()) {
          off();
          performance.mark(name);
        }
      });
    };
    const layer = root.querySelector('.r6o-span-highlight-layer');

    const all = [...data.annotations];
    whenRedrawn(() => true, peer.LOADED);
    anno.setAnnotations(data.annotations.map(toAnnotation), false);

    let added = 0;
    peer.onAdd(root, i => {
      added++;
      const a = { id: 'added-' + added, clause: i, start: 0, end: clauses[i].text.length, tag: 'request' };
      all.push(a);
      whenRedrawn(() => layer.querySelector(`[data-annotation="${a.id}"]`) !== null, peer.ADDED);
      anno.addAnnotation(toAnnotation(a));
    });

    peer.held = () => anno.state.store.all().length;
    peer.check = () => {
      const bad = [];
      for (const a of all) {
        const held = anno.state.store.getAnnotation(a.id);
        const range = held && held.target.selector[0].range;
        const got = range ? range.toString() : null;
        if (got !== quote(a)) bad.push(`${a.id} in ${clauses[a.clause].id} shows ${JSON.stringify(got)}, not ${JSON.stringify(quote(a))}`);
      }
      return bad.slice(0, 3).join('; ');
    };
  } catch (e) {
    peer.fail(e);
  }
})();
