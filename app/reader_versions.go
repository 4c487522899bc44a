package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The reader's part of versions: the review of carried annotations opens
// beside the text, in place of the annotation panel, and re-attaching an
// annotation takes the words the delegate selects in the text (the tag
// toolbar stays away meanwhile).

// versionHandlers are the reader's action handlers for the review.
func (r *reader) versionHandlers() map[string]app.ActionHandler {
	return map[string]app.ActionHandler{
		actionReviewOpen:      r.onReviewOpen,
		actionReattachStart:   r.onReattachStart,
		actionReattachConfirm: r.onReattachConfirm,
		actionReattachCancel:  r.onReattachCancel,
		actionDocReplaced:     r.onDocReplaced,
	}
}

// onDocReplaced shows the new current version of the document on the
// page (its id): go-app does not navigate to the URL it is on.
func (r *reader) onDocReplaced(ctx app.Context, a app.Action) {
	if id, _ := a.Value.(string); r.doc != nil && r.doc.id == id {
		r.load(ctx, ctx.Page().URL().Path)
	}
}

func (r *reader) onReviewOpen(ctx app.Context, a app.Action) {
	open, _ := a.Value.(bool)
	r.reviewOpen, r.reattach = open, ""
	if open {
		r.focus(ctx, "#cm-review h2")
	} else {
		r.focus(ctx, "#cm-review-button, #cm-versions")
	}
}

func (r *reader) onReattachStart(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	if r.doc == nil || id == "" {
		return
	}
	r.reattach = id
	r.editor = nil
	r.clearSelection()
}

func (r *reader) onReattachCancel(ctx app.Context, a app.Action) {
	r.reattach = ""
}

// onReattachConfirm moves the annotation being re-attached to the words
// selected.
func (r *reader) onReattachConfirm(ctx app.Context, a app.Action) {
	s, id := r.sel, r.reattach
	if r.doc == nil || id == "" {
		return
	}
	if s == nil {
		showNotice(ctx, "Select the words to attach it to, in the text, then confirm.", "")
		return
	}
	label := r.doc.adoc.Label(s.Clause)
	ctx.NewActionWithValue(actionReviewReattach, reattachRequest{
		Doc: r.doc.id, ID: id, Clause: s.Clause, Start: s.Start, End: s.End,
		Done: func(err error) {
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil {
					showNotice(ctx, "Could not re-attach it: "+err.Error(), "")
					return
				}
				if r.reattach == id {
					r.reattach = ""
				}
				r.clearSelection()
				showNotice(ctx, "Re-attached to "+label+".", "")
			})
		},
	})
}

// reattachChoice is what the review shows of the selection while an
// annotation is being re-attached.
func (r *reader) reattachChoice() reattachSel {
	if r.reattach == "" || r.sel == nil || r.doc == nil {
		return reattachSel{}
	}
	s := r.sel
	return reattachSel{Has: true, Label: r.doc.adoc.Label(s.Clause), Quote: r.doc.quoteOf(s.Clause, s.Start, s.End)}
}

// reattachSel is the selection the annotation being re-attached would go
// to.
type reattachSel struct {
	Has          bool
	Label, Quote string
}
