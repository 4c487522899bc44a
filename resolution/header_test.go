package resolution

import (
	"strings"
	"testing"
)

func TestHeaderTextThatFitsNoFieldIsKept(t *testing.T) {
	data := []byte("United Nations**A/HRC/RES/53/99**\n\nDistr.: General\n17 July 2023\n\nHuman Rights Council**Fifty-third session**\n\n" +
		"19 June–14 July 2023\n\nAgenda items 2 and 3\n\n**Annual report of the High Commissioner****Resolution adopted by the Human Rights Council\non 12 July 2023**\n\n" +
		"**53/99. Test title\ngoing on**\n\n*The Human Rights Council,*\n\nRecalling,\n\n1. *Decides*.")
	d, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, got, want string }{
		{"symbol from the symbol line", d.Symbol, "A/HRC/RES/53/99"},
		{"agenda items", d.AgendaItem, "2 and 3"},
		{"agenda title", d.AgendaTitle, "Annual report of the High Commissioner"},
		{"title lines joined", d.Title, "Test title going on"},
		{"dates", d.Dates, "19 June–14 July 2023"},
		{"distribution", d.Distribution, "General"},
		{"date", d.Date, "17 July 2023"},
		{"kind", d.Kind, KindResolution},
		{"other", strings.Join(d.Other, "|"), "United Nations"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
	checkDocument(t, data, d)
}

func TestOtherBodiesGetBestEffortSymbols(t *testing.T) {
	tests := []struct{ name, input, symbol, body string }{
		{"Security Council", "Resolution 2712 (2023)\n\nAdopted by the Security Council at its 9479th meeting, on 15 November 2023\n\n*The Security Council,*\n\nRecalling,\n\n1. *Decides*.", "S/RES/2712 (2023)", "Security Council"},
		{"Economic and Social Council", "**2023/5. Test**\n\n*The Economic and Social Council,*\n\nRecalling,\n\n1. *Decides*.", "E/RES/2023/5", "Economic and Social Council"},
		// "7/1" is no UN document symbol: the Symbol stays empty.
		{"an unknown organ", "**7/1. Test**\n\n*The Conference of the Parties,*\n\nRecalling,\n\n1. *Decides*.", "", "Conference of the Parties"},
		{"a special session", "General Assembly\n\n**ES-11/1. Aggression**\n\n*The General Assembly,*\n\nRecalling,\n\n1. *Decides*.", "A/RES/ES-11/1", "General Assembly"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := Parse([]byte(tt.input))
			if d.Symbol != tt.symbol || d.Body != tt.body {
				t.Errorf("got %q %q, want %q %q", d.Symbol, d.Body, tt.symbol, tt.body)
			}
			if !d.Recognised || len(d.Preamble) != 1 || len(d.Operative) != 1 {
				t.Errorf("got %q recognised %v, want pp1 op1", outline(d), d.Recognised)
			}
			checkDocument(t, []byte(tt.input), d)
		})
	}
}
