package introspect

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestFieldsOf checks that collect maps columns to fields by their db tag,
// whatever the order, and refuses a query and a row type that drifted
// apart in either direction.
func TestFieldsOf(t *testing.T) {
	type row struct {
		Name   string `db:"name"`
		OID    int64  `db:"oid"`
		hidden string
	}
	cols := func(names ...string) []pgconn.FieldDescription {
		var out []pgconn.FieldDescription
		for _, n := range names {
			out = append(out, pgconn.FieldDescription{Name: n})
		}
		return out
	}
	got, err := fieldsOf(reflect.TypeFor[row](), cols("oid", "name"))
	if err != nil || !slices.Equal(got, []int{1, 0}) {
		t.Fatalf("fieldsOf(oid, name) = %v, %v; want [1 0]", got, err)
	}
	for _, c := range []struct {
		cols []string
		want string
	}{
		{[]string{"name", "oid", "extra"}, "column extra has no field"},
		{[]string{"name"}, "field oid of"},
		{[]string{"name", "oid", "hidden"}, "column hidden has no field"},
	} {
		_, err := fieldsOf(reflect.TypeFor[row](), cols(c.cols...))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("fieldsOf(%v) = %v, want an error containing %q", c.cols, err, c.want)
		}
	}
}
