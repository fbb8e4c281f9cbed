package pgsql

import (
	"strings"
	"testing"
)

// TestChainDepth pins what the bound counts: chains of operators, casts,
// joins and set operations, summed over brackets, and reset by the
// separators whose parts become siblings in the tree.
func TestChainDepth(t *testing.T) {
	cases := []struct {
		sql  string
		want int
	}{
		{"CREATE TABLE t (a int, b text)", 0},
		{"SELECT 1+1+1", 2},
		{"SELECT a::int::text", 2},
		{"SELECT (1+1)+(1+(1+1))", 3},
		{"SELECT 1+1, 2+2+2", 2},
		{"SELECT a = 1 AND b = 2 AND c = 3", 1},
		{"SELECT CASE WHEN a > 1 THEN b + 1 ELSE c END", 1},
		{"SELECT 1 FROM a JOIN b ON a.x = b.x JOIN c ON true", 3},
		{"SELECT 1 UNION SELECT 2 UNION SELECT 3", 2},
		{"SELECT a IS NULL IS NULL", 2},
		{"SELECT 'a+b+c' || $$x+y$$ -- +++\n", 1},
		{"SELECT f(1+1+1+1)", 3},
		{"SELECT x IN (1, 2, 3)", 1},
	}
	for _, c := range cases {
		if got, _ := ChainDepth(c.sql); got != c.want {
			t.Errorf("ChainDepth(%q) = %d, want %d", c.sql, got, c.want)
		}
	}
	src := "SELECT 1, " + strings.Repeat("1+", 5000) + "1"
	depth, at := ChainDepth(src)
	if depth != 5000 || at != strings.LastIndex(src, "+") {
		t.Errorf("long chain: depth %d at %d, want 5000 at %d", depth, at, strings.LastIndex(src, "+"))
	}
}
