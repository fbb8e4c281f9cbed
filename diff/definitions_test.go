package diff

import (
	"strings"
	"testing"
)

// TestRangeRecreatedUnderColumnsRefused: PostgreSQL cannot change a range
// type's definition in place, and autogen does not swap range types under
// their columns (it swaps enums, domains and composites), so a change
// that would drop one a column of it or of its multirange uses is refused
// when the revision is written, not left to fail when it runs.
func TestRangeRecreatedUnderColumnsRefused(t *testing.T) {
	for name, uses := range map[string]string{
		"range column":      `CREATE TABLE r (fr floatrange);`,
		"multirange column": `CREATE TABLE r (fm floatmultirange);`,
		"domain":            `CREATE DOMAIN fd AS floatrange;`,
	} {
		t.Run(name, func(t *testing.T) {
			from := parse(t, `CREATE TYPE floatrange AS RANGE (subtype = float8);`+uses)
			to := parse(t, `CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);`+uses)
			_, err := Diff(from, to)
			if err == nil || !strings.Contains(err.Error(), "cannot recreate range type public.floatrange") {
				t.Fatalf("Diff: %v, want the refusal", err)
			}
		})
	}
	// Unused, it is simply dropped and created again.
	from := parse(t, `CREATE TYPE floatrange AS RANGE (subtype = float8);`)
	to := parse(t, `CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);`)
	got := strings.Join(kinds(mustDiff(t, from, to)), "\n")
	if !strings.Contains(got, "diff.DropDefinition") || !strings.Contains(got, "diff.CreateDefinition") {
		t.Errorf("changes %v, want the range dropped and created again", got)
	}
}
