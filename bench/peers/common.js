// What the benchmark's peer pages share: the cell's document and
// annotations (data.json: every clause with its plain text, and the
// annotations with their clause by index and their range in UTF-16 units of
// its text), one <p> per clause, the marks the benchmark waits for, the key
// "2" that adds an annotation over the focused paragraph, and what the
// benchmark asks the page afterwards (held, check).
'use strict';

window.peer = {
  // LOADED is marked once every annotation of data.json is painted.
  LOADED: 'peer-annotations-painted',
  // ADDED is marked once the annotation a key press added is painted.
  ADDED: 'peer-tag-painted',
  // error is what went wrong, if the page failed.
  error: '',

  // afterPaint calls f once the browser has painted what changed: in the
  // next animation frame, then in a task (Clausemark's wasm.AfterPaint).
  afterPaint(f) {
    requestAnimationFrame(() => setTimeout(f, 0));
  },

  // data fetches data.json.
  async data() {
    const r = await fetch('/data.json');
    if (!r.ok) throw new Error('data.json: ' + r.status);
    return r.json();
  },

  // paragraph makes the <p> of clause i, focusable by script.
  paragraph(clause, i) {
    const p = document.createElement('p');
    p.dataset.clause = clause.id;
    p.dataset.index = String(i);
    p.tabIndex = -1;
    return p;
  },

  // onAdd calls add(i) when "2" is pressed on the focused <p> of clause i.
  onAdd(root, add) {
    root.addEventListener('keydown', e => {
      if (e.key !== '2' || !(e.target instanceof Element)) return;
      const p = e.target.closest('p[data-clause]');
      if (!p) return;
      e.preventDefault();
      add(Number(p.dataset.index));
    });
  },

  // fail records and reports what went wrong.
  fail(e) {
    window.peer.error = String(e && e.stack || e);
    console.error(e);
  },

  // held is how many annotations the page holds (set by the page).
  held: () => -1,
  // check is "" if every annotation shows exactly its quote, else what
  // does not (set by the page).
  check: () => 'the page did not load',
};
