package ddlparse_test

import (
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
