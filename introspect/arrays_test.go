package introspect

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgtest"
)

// TestArrays checks the array decoders against pgx's own on what the
// server sends for the same arrays, in text format (a simple-protocol
// query, as Inspect reads) and in binary format (the extended protocol, as
// a pool's batch reads): elements the server quotes and escapes, a bounds
// prefix, every integer width the binary format has, empty and NULL
// arrays; and that a NULL element is refused rather than read as "".
func TestArrays(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	texts := []string{
		`ARRAY['a', 'b c', '', 'NULL', 'null', 'x"y', 'back\slash', '\"', '{}', ',', 'ünï', ' lead ', 'a,b']`,
		`ARRAY['id', 'Mixed Case']::name[]`,
		`ARRAY['r', 'w']::"char"[]`,
		`'{}'::text[]`,
		`NULL::text[]`,
	}
	ints := []string{
		`ARRAY[-9223372036854775808, 0, 9223372036854775807]::int8[]`,
		`'[0:2]={1,2,3}'::int8[]`,
		`ARRAY[-32768, 32767]::int2[]`,
		`ARRAY[-2147483648, 2147483647]::int4[]`,
		`'1 2 3'::int2vector::int2[]::int8[]`,
		`'{}'::int8[]`,
	}
	bools := []string{`ARRAY[true, false, true]`, `'{}'::bool[]`}
	check := func(t *testing.T, query func(sql string) (pgx.Rows, error)) {
		read := func(sql string, dst any) error {
			rows, err := query("SELECT " + sql)
			if err != nil {
				return err
			}
			defer rows.Close()
			if !rows.Next() {
				return fmt.Errorf("no row: %v", rows.Err())
			}
			return rows.Scan(dst)
		}
		same := func(sql string, ours, theirs any) {
			t.Helper()
			for _, dst := range []any{ours, theirs} {
				if err := read(sql, dst); err != nil {
					t.Errorf("%s into %T: %v", sql, dst, err)
					return
				}
			}
			o := reflect.ValueOf(ours).Elem()
			want := reflect.ValueOf(theirs).Elem()
			if o.IsNil() != want.IsNil() || !reflect.DeepEqual(o.Convert(want.Type()).Interface(), want.Interface()) {
				t.Errorf("%s: got %#v, pgx reads %#v", sql, o.Interface(), want.Interface())
			}
		}
		for _, sql := range texts {
			var ours textArray
			var theirs []string
			same(sql, &ours, &theirs)
		}
		for _, sql := range ints {
			var ours int8Array
			var theirs []int64
			same(sql, &ours, &theirs)
		}
		for _, sql := range bools {
			var ours boolArray
			var theirs []bool
			same(sql, &ours, &theirs)
		}
		// pgx reads no oid[] into []int64; the values are known.
		var oids int8Array
		if err := read(`ARRAY[0, 4294967295]::oid[]`, &oids); err != nil || !reflect.DeepEqual(oids, int8Array{0, 4294967295}) {
			t.Errorf("oid[]: got %v, %v; want [0 4294967295]", oids, err)
		}
		var a textArray
		var n int8Array
		for sql, dst := range map[string]any{`ARRAY['a', NULL]`: &a, `ARRAY[1, NULL]::int8[]`: &n} {
			if err := read(sql, dst); err == nil || !strings.Contains(err.Error(), "NULL element") {
				t.Errorf("%s: scan error %v, want a NULL element refused", sql, err)
			}
		}
	}
	t.Run("text", func(t *testing.T) {
		check(t, func(sql string) (pgx.Rows, error) {
			mrr := conn.PgConn().Exec(ctx, sql)
			if !mrr.NextResult() {
				return nil, mrr.Close()
			}
			return &closing{pgx.RowsFromResultReader(conn.TypeMap(), mrr.ResultReader()), mrr}, nil
		})
	})
	t.Run("binary", func(t *testing.T) {
		check(t, func(sql string) (pgx.Rows, error) { return conn.Query(ctx, sql) })
	})
}

// closing closes the multi-result reader of a simple query with its rows.
type closing struct {
	pgx.Rows
	mrr interface{ Close() error }
}

func (c *closing) Close() {
	c.Rows.Close()
	c.mrr.Close()
}

// TestTextElementsMalformed checks that text the decoder cannot read is an
// error, not a shorter array.
func TestTextElementsMalformed(t *testing.T) {
	for _, s := range []string{``, `{`, `a,b`, `{"a}`, `{a,}`, `{{1,2},{3,4}}`, `[0:1]{1,2}`, `{"a"b}`} {
		var a textArray
		if err := a.Scan(s); err == nil {
			t.Errorf("Scan(%q) = %q, want an error", s, a)
		}
	}
}
