package sqlnorm

import (
	"testing"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// TestDeparseKeepsCallSyntax: a call of pg_catalog.overlay stays a call,
// and OVERLAY(... PLACING ...) stays SQL syntax.
func TestDeparseKeepsCallSyntax(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"SELECT pg_catalog.overlay(a, 'z', 1, 1)", `SELECT "overlay"(a, 'z', 1, 1)`},
		{"SELECT overlay(a placing 'z' from 1 for 1)", "SELECT OVERLAY(a PLACING 'z' FROM 1 FOR 1)"},
		{"SELECT pg_catalog.overlay(a, 'z', 1)", `SELECT pg_catalog."overlay"(a, 'z', 1)`},
	} {
		tree, err := pg.Parse(c.in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Deparse(tree)
		if err != nil || got != c.want {
			t.Errorf("Deparse(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}
