package autogenerate

import (
	"strings"
	"testing"
)

// TestEnumSwapOfAPartitionKeyIsRefusedWhenWritten checks that removing an
// enum's value, which swaps the type and converts the columns that use it,
// is refused when the revision is written if a partition key (at any level
// of a tree) holds such a column: PostgreSQL cannot change the type of a
// partition key column, so the revision could only fail when it runs. The
// error names the enum, the column and the table whose key holds it.
func TestEnumSwapOfAPartitionKeyIsRefusedWhenWritten(t *testing.T) {
	for name, tree := range map[string]string{
		"root": `CREATE TABLE m (id int, r region) PARTITION BY LIST (r);
CREATE TABLE m_eu PARTITION OF m FOR VALUES IN ('eu');`,
		"subpartition": `CREATE TABLE m (id int, k int, r region) PARTITION BY RANGE (k);
CREATE TABLE m_low PARTITION OF m FOR VALUES FROM (0) TO (10) PARTITION BY LIST (r);
CREATE TABLE m_low_eu PARTITION OF m_low FOR VALUES IN ('eu');`,
	} {
		t.Run(name, func(t *testing.T) {
			from := parse(t, "CREATE TYPE region AS ENUM ('eu', 'us', 'old');\n"+tree)
			to := parse(t, "CREATE TYPE region AS ENUM ('eu', 'us');\n"+tree)
			_, err := Compare(from, to, Options{})
			if err == nil {
				t.Fatal("the swap of an enum in a partition key was planned")
			}
			for _, want := range []string{"public.region", "column r", "partition key"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("the error does not say %q: %v", want, err)
				}
			}
		})
	}
	// Adding a value needs no swap and stays possible.
	from := parse(t, "CREATE TYPE region AS ENUM ('eu');\nCREATE TABLE m (id int, r region) PARTITION BY LIST (r);")
	to := parse(t, "CREATE TYPE region AS ENUM ('eu', 'us');\nCREATE TABLE m (id int, r region) PARTITION BY LIST (r);")
	if _, err := Compare(from, to, Options{}); err != nil {
		t.Errorf("adding a value to an enum in a partition key: %v", err)
	}
}
