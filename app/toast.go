package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// toast shows the latest notice at the bottom of the screen for a few
// seconds, with Undo when the notice offers it.
type toast struct {
	app.Compo

	n      notice
	hidden int // the Seq of the notice hidden by its timer
}

func newToast() *toast { return &toast{} }

// toastFor is how long a notice stays.
var toastFor = 8 * time.Second

func (t *toast) OnMount(ctx app.Context) {
	ctx.ObserveState(noticeState, &t.n).OnChange(func() {
		seq := t.n.Seq
		ctx.After(toastFor, func(app.Context) { t.hidden = seq })
	})
}

func (t *toast) Render() app.UI {
	if t.n.Message == "" || t.hidden == t.n.Seq {
		return app.Div().Class("cm-toast-slot")
	}
	n := t.n
	return app.Div().Class("cm-toast-slot").Body(
		app.Div().Class("cm-toast").Role("status").Body(
			app.Span().Text(n.Message),
			app.If(n.UndoDoc != "", func() app.UI {
				return app.Button().Type("button").Class("cm-toast-undo").
					OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionUndo, n.UndoDoc) }).
					Text("Undo")
			}),
			app.If(n.UndoRemove, func() app.UI {
				return app.Button().Type("button").Class("cm-toast-undo").
					OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionUndoRemove) }).
					Text("Undo")
			}),
		),
	)
}
