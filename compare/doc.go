// Package compare compares two versions of a resolution (the zero draft, the
// L. document, its Rev.1, the adopted text) clause by clause, carries a
// delegation's annotations from the old version to the new one, and writes
// the changes brief a delegate sends to the capital after a round. It is
// plain Go (no I/O, no browser) on top of packages resolution and
// annotations.
//
//	c, err := compare.Compare(oldDoc, newDoc)         // *resolution.Document each
//	r, err := c.Carry(oldAnnDoc, newAnnDoc, saved)    // *annotations.Document each, []annotations.Annotation
//	r.Summary()                                       // "41 carried, 6 moved, 3 changed, 2 orphans"
//	md := c.Brief(r, compare.BriefOptions{})          // the changes brief, Markdown
//
// # Clause matching
//
// Clauses are matched by content, never by number: a paragraph inserted at
// OP8 renumbers everything after it, and none of those count as changed.
// Every clause of each version (preambular and operative paragraphs,
// sub-paragraphs, annex paragraphs; Document.Clauses order) ends in exactly
// one Match, in four steps:
//
//  1. Identical texts. The sequences of clause texts of the two versions are
//     aligned (a longest common subsequence, Myers' algorithm): identical
//     clauses that kept their order pair up, so that a text printed several
//     times pairs in order. Identical clauses left over pair in the order of
//     their occurrences: clauses moved without a change.
//  2. Similar texts. Each old clause left is compared with the new clauses
//     left that share the most word pairs (bigrams) with it (at most 8 of
//     them, found in an inverted index: no all-pairs comparison), by word
//     similarity 2·L/(m+n), L the longest common subsequence of their words
//     (case, punctuation and white space ignored). Pairs at or above
//     MinClauseSimilarity (0.6) are taken, the most similar first (then the
//     closest in relative position). 0.6 is above what distinct clauses of
//     one real resolution score against each other: fewer than 1 in 100 of
//     the clauses of the real texts of testdata/ has a lookalike that high
//     in its own document.
//  3. Splits and merges. A new clause left next to the new clause of a pair
//     joins the pair (a split: one old clause, several new) when at least
//     MinContainment (60%) of its words come, in order, from the old clause
//     and the old clause is more similar to the new clauses joined than to
//     the one it had; likewise an old clause left next to the old clause of
//     a pair (a merge: several old, one new). This repeats until nothing
//     joins, so a clause split in three is found too.
//  4. The rest are inserted (new only) or deleted (old only).
//
// A Match has a Status (ClauseUnchanged, ClauseChanged, ClauseInserted,
// ClauseDeleted, ClauseSplit, ClauseMerged), the clauses of each side, the
// word similarity, and two flags:
//
//   - Moved: the clause changed its place relative to the others, not only
//     its number. Paragraphs: the pairs whose first clauses are paragraphs
//     on both sides, in old order, keep their place if they are in a longest
//     increasing run of their new positions (patience sorting); the others
//     moved. So OP12 moved after OP15 is one move (not three), and a
//     paragraph inserted before others moves none of them. Sub-paragraphs: a
//     sub-paragraph moved if it went to another paragraph, if its paragraph
//     moved, or if it is outside the longest run that kept its order among
//     its siblings.
//   - KindChanged: the kind of clause changed: a preambular paragraph turned
//     operative ("Stressing …," → "Stresses …;"), a sub-paragraph made a
//     paragraph. Such a pair is matched across kinds like any other.
//
// Match.Label names the clause with both numbers where they differ: "OP22
// (was OP21)", "OP3, OP4 (was OP3)", "OP6(a) (was OP6(a), OP6(b))".
// Comparison.Matches lists the matches in the order of the new version, each
// deleted clause after the clause that came before it in the old version.
//
// # Word diff
//
// Inside a match the words are diffed as negotiators read track changes
// (WordDiff). Tokens are words (letters, digits and marks, with the joiners
// of "Secretary-General", "A/HRC/53/L.12", "UNISFA’s", "10,900" inside),
// single punctuation marks, runs of white space, and the line feed that
// separates the clauses of a split or merge; the tokens cover the text
// exactly, so the ops rebuild both texts. The diff is our own: a patience
// diff (Bram Cohen's: the words that occur exactly once on each side are
// paired, the longest run of those pairs in order becomes the anchors) with
// Myers' O(ND) algorithm, in its linear-space form, between anchors. Then
// the semantic cleanup of Neil Fraser's diff-match-patch, on tokens: an
// equal stretch no longer than the change on each side of it (a stray "the"
// between two rewritten phrases) joins the change. Ops carry code point
// offsets into both texts (Span: clause index and [Start, End)), so a page
// can render <del> and <ins> and map positions.
//
// Why not github.com/sergi/go-diff (v1.4.0 is on the module proxy): it diffs
// characters; words need its lines-to-runes trick, which maps each distinct
// token to one code point and broke on large inputs in the past (issues #89,
// #102 of that project); its DiffMain stops at a wall-clock timeout, so its
// output depends on the machine's speed; and Myers alone, minimal in edits,
// aligns common words ("and", "the") where a reader aligns the distinctive
// ones: "in a timely and transparent manner" → "in a timely, transparent and
// non-discriminatory manner" must keep "transparent". A token-level
// patience/Myers diff is a few hundred lines, tested against the textbook
// longest-common-subsequence programme on random inputs, deterministic, and
// never panics.
//
// # Carrying annotations
//
// Comparison.Carry re-anchors each annotation of the old version, in this
// order, and says what became of it (Fate):
//
//  1. Its clause's match, its offsets mapped through the word diff of the
//     match (a token diff without the cleanup, in which tokens that differ
//     only in case are equal, so "Urges" is found again as "urges" in a
//     merged clause). A boundary in unchanged text keeps its place there; a
//     boundary in deleted text goes to the edge of the change, so that the
//     words that replaced the marked ones are marked ("Requests" →
//     "Encourages"); a change that holds the break between merged clauses
//     is not taken across the break. A whole-clause annotation of a
//     one-to-one match marks the whole new clause. A span that comes to lie
//     across a split goes to the new clause that keeps most of its words,
//     over the words kept there.
//  2. If its clause was deleted, or its words were (nothing left at the
//     mapped place): package annotations' own anchoring in the new
//     version (Document.Anchor: the exact quote, then a fuzzy match of at
//     least annotations.MinSimilarity, each with at least
//     annotations.MinEvidence of context, nearness and uniqueness), with the
//     clause its clause became as home. A place found there is taken only if
//     at least MinInserted (half) of its text is new in this version: text
//     that was already there, elsewhere, is another occurrence the delegate
//     did not mark, and an annotation never moves onto it.
//  3. Otherwise it is an Orphan, kept as it was (old clause, offsets,
//     quote) with a Reason, for review.
//
// Fates: Carried (the same words, in the clause of the same id; Exact when
// the offsets did not move either), Moved (the same words in a clause of
// another number: "OP21 → OP22"), Changed (the words changed: OldQuote and
// NewQuote, and their WordDiff), Orphan. Nothing is attached to a weak match
// silently: a changed quote is always flagged Changed with both wordings.
// Review.Summary gives the counts as the review shows them first: "41
// carried, 6 moved, 3 changed, 2 orphans".
//
// Orphans keep their old clause id and offsets. A caller that saves them
// for the new version must keep them out of annotations.Set.Load's
// re-anchoring, which would try the quote again on its own terms (and an
// orphan whose old offsets happen to hold the same words in the new clause
// of that id would fit there).
//
// # The changes brief
//
// Comparison.Brief writes Markdown: for each changed, inserted, deleted,
// moved, split or merged clause, its old wording with deletions struck
// through (~~…~~) and its new wording with insertions in bold (**…**), and
// the delegation's annotations and notes on it (see Brief).
package compare
