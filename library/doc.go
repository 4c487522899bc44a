// Package library is Clausemark's library: every document a delegate
// keeps in the browser, with its versions and annotations, and what the
// library pages need of them, in pure Go.
//
// The records:
//
//   - Document: one document (id DocumentID of its symbol), the
//     delegate's short name for it, when it was added and last opened,
//     where they stopped reading, and its Versions, oldest first, the last
//     current, each with its own text (what resolution.Parse reads), symbol,
//     source format and file name. Its annotations are filed under its
//     Symbol, which stays when a later version has another symbol.
//   - Review: kept in a Version added after the first, what became of
//     the annotations of the version before (Revise carries them once, when
//     the version is added: package compare's clause matching and word
//     diff; the orphans are taken out of the text, with no clause, so that
//     nothing attaches them to a weak match later), and what the delegate
//     decided of each (Decide). RenameVersion names a version.
//   - Summary: the small record the library page lists (title, body,
//     session, date, kind, sponsors, counts per tag, last annotated…), so
//     that the page reads no text. NewSummary makes it from the parsed text
//     and the annotations.
//
// What the pages do with them: Sort and Filter the summaries (natural
// symbol order, CompareSymbols; case- and accent-insensitive text, Fold),
// LastRead (where "/" takes a returning delegate), and the cross-document
// Index of every annotation for /annotations, which filters 30,000
// annotations by tag, text, document, body and author within a frame.
//
// Storage: Store is one database for documents, summaries and annotations
// (it is an annotations.Store too), with a document and its annotations
// added and removed in one transaction (DeleteDocument returns what it
// removed, for Restore); a new version, its summary and the annotations
// carried onto it are written in one transaction too (Revision.Batch:
// Batch.Updates, and IfUnchanged, which refuses to write over an
// annotation edited meanwhile). MemoryStore keeps it in memory; wasm.Store keeps
// it in IndexedDB. EnsureBuiltin keeps the built-in resolution in it.
//
// Sharing: a native file of version 3 (annotations.ReadCollection) may
// carry documents with their texts; PlanImport says which the library
// lacks, Prepare parses and anchors one, and Store.Write adds them all or
// none.
package library
