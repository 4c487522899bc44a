// Clausemark's bridge to pdf.js: the text of a PDF, with positions and
// fonts, for the layout step in Go (package extract, PDFText).
//
// pdf.js (Mozilla's pdfjs-dist, vendored by the Makefile into
// /web/vendor/pdfjs/) is imported only when a PDF is opened, from this origin;
// its worker runs from this origin too (the Content-Security-Policy says
// worker-src 'self'). Nothing is fetched from anywhere else: no fonts, no
// character maps, no decoders. Images are not decoded at all (the text is
// all Clausemark needs), and no font is installed in the page. pdf.js 6
// evaluates no code (its isEvalSupported option is gone with the code path
// it guarded), so script-src needs no 'unsafe-eval'.
//
//   window.clausemarkPDF.extract(data, {maxPages}) → Promise<result>
//
// data is a Uint8Array (copied: the caller's buffer stays usable). The
// result is plain data (JSON-ready), in PDF points:
//
//   {numPages, pages: [{width, height, items: [
//     {str, x, y, width, height, fontSize, font, hasEOL, dir}]}]}
//
// x and y are the start of an item's baseline, from the top left corner of
// the page as displayed (y grows downwards); font is the real font name
// ("TimesNewRomanPS-ItalicMT", perhaps with a subset prefix "ABCDEF+").
// When the document has more than maxPages pages, pages is empty and
// numPages says how many it has: nothing was read.
//
// A failure rejects with an Error whose code is one of "encrypted" (the
// PDF needs a password), "invalid" (not a PDF, or damaged beyond repair),
// "unavailable" (pdf.js could not be loaded) or "failed" (anything else);
// its message is pdf.js's own, for developers.
(function () {
  "use strict";

  const base = "/web/vendor/pdfjs/";
  let library = null; // the promise of the pdf.js module, once imported

  function load() {
    if (!library) {
      library = import(base + "pdf.min.mjs").then(
        (pdfjs) => {
          pdfjs.GlobalWorkerOptions.workerSrc = base + "pdf.worker.min.mjs";
          return pdfjs;
        },
        (err) => {
          library = null; // offline and not cached yet: try again next time
          throw bridgeError("unavailable", err);
        },
      );
    }
    return library;
  }

  function bridgeError(code, err) {
    const message = err && err.message ? err.message : String(err);
    const e = new Error(message);
    e.name = "PDFBridgeError";
    e.code = code;
    return e;
  }

  // classify maps a pdf.js exception to one of the bridge's codes.
  function classify(err) {
    if (err && err.code && err.name === "PDFBridgeError") {
      return err;
    }
    switch (err && err.name) {
      case "PasswordException":
        return bridgeError("encrypted", err);
      case "InvalidPDFException":
      case "FormatError":
        return bridgeError("invalid", err);
    }
    return bridgeError("failed", err);
  }

  function round(v) {
    return Math.round(v * 100) / 100;
  }

  // fontName returns the real name of the font pdf.js calls id, known
  // once the page's operator list has been built, or "" if it is not.
  function fontName(page, id) {
    try {
      if (page.commonObjs.has(id)) {
        const font = page.commonObjs.get(id);
        if (font && typeof font.name === "string") {
          return font.name;
        }
      }
    } catch (_) {
      // a font that failed to load: its name stays unknown
    }
    return "";
  }

  async function readPage(pdfjs, doc, number) {
    const page = await doc.getPage(number);
    try {
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const unknown = content.items.some((it) => it.str !== undefined && !page.commonObjs.has(it.fontName));
      if (unknown) {
        // Builds the page's fonts into the document's commonObjs, where
        // their real names are (images are skipped: maxImageSize: 0). Pages
        // whose fonts earlier pages brought need not: it halves the time.
        await page.getOperatorList();
      }
      const names = new Map();
      const items = [];
      for (const it of content.items) {
        if (it.str === undefined) {
          continue; // a marked-content marker, not text
        }
        if (!names.has(it.fontName)) {
          names.set(it.fontName, fontName(page, it.fontName));
        }
        const t = pdfjs.Util.transform(viewport.transform, it.transform);
        items.push({
          str: it.str,
          x: round(t[4]),
          y: round(t[5]),
          width: round(it.width),
          height: round(it.height),
          fontSize: round(Math.hypot(t[2], t[3])),
          font: names.get(it.fontName),
          hasEOL: !!it.hasEOL,
          dir: it.dir || "ltr",
        });
      }
      return { width: round(viewport.width), height: round(viewport.height), items };
    } finally {
      page.cleanup();
    }
  }

  async function extract(data, options) {
    if (!(data instanceof Uint8Array)) {
      throw bridgeError("failed", new TypeError("extract wants a Uint8Array"));
    }
    const maxPages = options && options.maxPages > 0 ? options.maxPages : Infinity;
    const pdfjs = await load();
    let task = null;
    try {
      task = pdfjs.getDocument({
        data: data.slice(), // pdf.js transfers the buffer to its worker
        fontExtraProperties: true, // keeps each font's real name
        disableFontFace: true, // nothing to draw: install no font in the page
        useSystemFonts: false,
        useWorkerFetch: false,
        maxImageSize: 0, // skip every image: only text is wanted
        isOffscreenCanvasSupported: false,
        isImageDecoderSupported: false,
        disableWorkerRendering: true,
        enableXfa: false,
        stopAtErrors: false,
        verbosity: pdfjs.VerbosityLevel.ERRORS,
      });
      const doc = await task.promise;
      const result = { numPages: doc.numPages, pages: [] };
      if (doc.numPages > maxPages) {
        return result;
      }
      for (let n = 1; n <= doc.numPages; n++) {
        result.pages.push(await readPage(pdfjs, doc, n));
      }
      return result;
    } catch (err) {
      throw classify(err);
    } finally {
      if (task) {
        await task.destroy();
      }
    }
  }

  window.clausemarkPDF = Object.freeze({ extract });
})();
