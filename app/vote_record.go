package app

import (
	"strconv"
	"strings"

	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// voteRecord shows how a resolution was adopted: the statement, and for a
// recorded vote the three lists with their counts, and a warning when the
// lists do not add up to the stated counts.
type voteRecord struct {
	app.Compo

	Ivote *resolution.Vote
}

func newVoteRecord() *voteRecord { return &voteRecord{} }

// Vote sets the vote record to show.
func (r *voteRecord) Vote(v *resolution.Vote) *voteRecord {
	r.Ivote = v
	return r
}

func (r *voteRecord) Render() app.UI {
	v := r.Ivote
	return app.Section().Class("cm-vote").Aria("labelledby", "vote-title").Body(
		app.H2().ID("vote-title").Class("cm-vote-title").Text("Vote"),
		app.P().Class("cm-vote-statement").Text(v.Statement),
		app.If(len(v.Warnings) > 0, func() app.UI {
			return app.Div().Class("cm-warning").Role("alert").Body(
				app.Strong().Text("Check the vote record: "),
				app.Text(strings.Join(v.Warnings, " ")),
			)
		}),
		app.If(v.Recorded, func() app.UI {
			return app.Div().Class("cm-vote-lists").Body(
				voteList("in-favour", "In favour", v.InFavour),
				voteList("against", "Against", v.Against),
				voteList("abstaining", "Abstaining", v.Abstaining),
			)
		}),
	)
}

// voteList renders one list of States with its count.
func voteList(key, title string, names []string) app.UI {
	return app.Div().Class("cm-vote-list").DataSet("vote", key).DataSet("count", len(names)).Body(
		app.H3().Body(
			app.Text(title+" "),
			app.Span().Class("cm-count").Text(strconv.Itoa(len(names))),
		),
		app.Ul().Body(
			app.Range(names).Slice(func(i int) app.UI {
				return app.Li().Text(names[i])
			}),
		),
	)
}
