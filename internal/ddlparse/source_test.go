package ddlparse_test

import (
	"slices"
	"sync"
	"testing"

	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/model"
)

// TestUserTextOnFirstUse checks that expressions and view queries are
// written as schema.sql has them although the reader defers finding that
// text (Expr.Find) to its first use: after a catalog copy, from several
// goroutines at once, and not where the search_path differs.
func TestUserTextOnFirstUse(t *testing.T) {
	src := `CREATE TABLE t (
    a integer DEFAULT 1 +   2,
    b text CHECK (length( b ) > 0)
);
CREATE VIEW v AS SELECT a   FROM t;
SET search_path = other, public;
CREATE SCHEMA other;
CREATE TABLE other.u (c integer DEFAULT 3 *  4);
`
	cat, err := ddlparse.Parse("schema.sql", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cat.Sort()
	copied := cat.Clone()
	tab := cat.Table(model.Name{Schema: "public", Name: "t"})
	view := copied.View(model.Name{Schema: "public", Name: "v"})
	other := cat.Table(model.Name{Schema: "other", Name: "u"})
	if tab == nil || view == nil || other == nil {
		t.Fatal("missing objects")
	}
	cases := []struct {
		e    *model.Expr
		want string
	}{
		{tab.Column("a").Default, "1 +   2"},
		{tab.Constraints[0].Expr, "length( b ) > 0"},
		{&view.Query, "SELECT a   FROM t"},
		// Under another search_path the user's names may resolve
		// otherwise: the qualified rendering is written.
		{other.Column("c").Default, other.Column("c").Default.SQL},
	}
	var wg sync.WaitGroup
	got := make([][4]string, 4)
	for g := range got {
		wg.Go(func() {
			for i, c := range cases {
				got[g][i] = c.e.Text()
			}
		})
	}
	wg.Wait()
	for g := range got {
		for i, c := range cases {
			if got[g][i] != c.want {
				t.Errorf("expression %d (goroutine %d): Text() = %q, want %q", i, g, got[g][i], c.want)
			}
		}
	}
	if other.Column("c").Default.Find != nil {
		t.Error("an expression read under another search_path has a finder")
	}
}

// TestUserTextStopsAtTheExpression checks that the user's text of an
// expression ends where the expression does, although a longer cut would
// also read as SELECT of the same expression: an index key's operator
// class reads as an alias (the text was written with its operator class,
// which the index then repeated, and PostgreSQL refused the revision).
func TestUserTextStopsAtTheExpression(t *testing.T) {
	src := `CREATE TABLE t (b text, c integer);
CREATE INDEX i1 ON t (lower(b) text_pattern_ops);
CREATE INDEX i2 ON t (lower(b) COLLATE "C" text_pattern_ops DESC);
CREATE INDEX i3 ON t ((c + 1) int4_ops, upper(b) varchar_pattern_ops NULLS FIRST);
`
	cat, err := ddlparse.Parse("schema.sql", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"i1": {"lower(b)"}, "i2": {"lower(b)"}, "i3": {"c + 1", "upper(b)"}}
	for _, ix := range cat.Indexes {
		var got []string
		for _, k := range ix.Keys {
			if k.Expr != nil {
				got = append(got, k.Expr.Text())
			}
		}
		if !slices.Equal(got, want[ix.Name]) {
			t.Errorf("index %s: key texts %q, want %q", ix.Name, got, want[ix.Name])
		}
	}
}
