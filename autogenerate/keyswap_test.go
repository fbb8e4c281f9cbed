package autogenerate

import (
	"slices"
	"testing"

	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/model"
)

// TestEnumSwapOfAPartitionKeyRewritesTheTree checks how removing an enum's
// value, which swaps the type and converts the columns that use it, is
// planned when a partition key (at any level of a tree) holds such a
// column: PostgreSQL cannot convert a partition key's column, so the whole
// tree is set aside (its values as text), dropped before the swap and
// created anew after it, and its rows routed back converted; the swap
// converts no column of the tree. Adding a value needs no swap and leaves
// the tree alone. (The rows themselves are checked on a database by the
// golden case enum/key-swap-keeps-rows.)
func TestEnumSwapOfAPartitionKeyRewritesTheTree(t *testing.T) {
	for name, tc := range map[string]struct {
		tree   string
		tables []string
	}{
		"root": {`CREATE TABLE m (id int, r region) PARTITION BY LIST (r);
CREATE TABLE m_eu PARTITION OF m FOR VALUES IN ('eu');`, []string{"m", "m_eu"}},
		"subpartition": {`CREATE TABLE m (id int, k int, r region) PARTITION BY RANGE (k);
CREATE TABLE m_low PARTITION OF m FOR VALUES FROM (0) TO (10) PARTITION BY LIST (r);
CREATE TABLE m_low_eu PARTITION OF m_low FOR VALUES IN ('eu');`, []string{"m", "m_low_eu"}},
	} {
		t.Run(name, func(t *testing.T) {
			from := parse(t, "CREATE TYPE region AS ENUM ('eu', 'us', 'old');\n"+tc.tree)
			to := parse(t, "CREATE TYPE region AS ENUM ('eu', 'us');\n"+tc.tree)
			res, err := Compare(from, to, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var aside []string
			routed := false
			for _, c := range res.Up {
				switch c := c.(type) {
				case diff.SetAsideRows:
					aside = append(aside, c.Table.Name.Name)
					if len(c.Text) != 1 || c.Text[0].Name != "r" {
						t.Errorf("%s is set aside with %v as text, want r", c.Table.Name, c.Text)
					}
				case diff.SwapTypes:
					if len(c.Uses) > 0 {
						t.Errorf("the swap converts %v, a column of the tree created anew", c.Uses[0].Table)
					}
				case diff.RouteRows:
					routed = c.Table.Name == model.Name{Schema: "public", Name: "m"}
				}
			}
			slices.Sort(aside)
			if !slices.Equal(aside, tc.tables) || !routed {
				t.Errorf("set aside %v (want %v), routed into m: %v", aside, tc.tables, routed)
			}
		})
	}
	// Adding a value needs no swap.
	from := parse(t, "CREATE TYPE region AS ENUM ('eu');\nCREATE TABLE m (id int, r region) PARTITION BY LIST (r);")
	to := parse(t, "CREATE TYPE region AS ENUM ('eu', 'us');\nCREATE TABLE m (id int, r region) PARTITION BY LIST (r);")
	res, err := Compare(from, to, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Up {
		if _, ok := c.(diff.RouteRows); ok {
			t.Error("adding a value to an enum in a partition key rewrites the tree")
		}
	}
}
