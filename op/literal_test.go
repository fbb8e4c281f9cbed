package op_test

import (
	"bytes"
	"context"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/op"
)

func TestQuoteIdent(t *testing.T) {
	tests := []struct{ in, want string }{
		{"users", "users"},
		{"user_2", "user_2"},
		{"_x", "_x"},
		{"a$b", `"a$b"`},
		{"Users", `"Users"`},
		{"user", `"user"`},
		{"order", `"order"`},
		{"select", `"select"`},
		{"2fa", `"2fa"`},
		{"$x", `"$x"`},
		{"with space", `"with space"`},
		{"", `""`},
		{"café", `"café"`},
		{injection, `"a""; DROP TABLE x; --"`},
		// Unreserved keywords need no quotes, as quote_ident agrees.
		{"name", "name"},
		{"comment", "comment"},
	}
	for _, tt := range tests {
		if got := op.QuoteIdent(tt.in); got != tt.want {
			t.Errorf("QuoteIdent(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	if got := op.QualifiedName("Audit Log", "user"); got != `"Audit Log"."user"` {
		t.Errorf("QualifiedName = %s", got)
	}
	if got := op.QualifiedName("", "t"); got != "t" {
		t.Errorf("QualifiedName without schema = %s", got)
	}
}

// TestQuoteIdentAgreesWithServer checks QuoteIdent against the server's own
// quote_ident for every keyword PostgreSQL knows and a few awkward names:
// where the server quotes, we must quote too, or the name would be read as
// a keyword.
func TestQuoteIdentAgreesWithServer(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, "SELECT word, quote_ident(word) FROM pg_get_keywords()")
	if err != nil {
		t.Fatal(err)
	}
	type pair struct{ Word, Quoted string }
	pairs, err := pgx.CollectRows(rows, pgx.RowToStructByPos[pair])
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) < 400 {
		t.Fatalf("pg_get_keywords returned only %d words", len(pairs))
	}
	for _, name := range []string{"Users", "2fa", "with space", injection, "a_b", "x1"} {
		var q string
		if err := conn.QueryRow(ctx, "SELECT quote_ident($1)", name).Scan(&q); err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, pair{name, q})
	}
	for _, p := range pairs {
		if got := op.QuoteIdent(p.Word); got != p.Quoted {
			t.Errorf("QuoteIdent(%q) = %s, server says %s", p.Word, got, p.Quoted)
		}
	}
}

func TestQuoteLiteral(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "'plain'"},
		{"it's", "'it''s'"},
		{`back\slash`, `E'back\\slash'`},
		{`\'`, `E'\\'''`},
		{"", "''"},
		{"bad\xffutf8", "'bad\uFFFDutf8'"},
	}
	for _, tt := range tests {
		if got := op.QuoteLiteral(tt.in); got != tt.want {
			t.Errorf("QuoteLiteral(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestLiteral(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{nil, "NULL"},
		{true, "true"},
		{false, "false"},
		{-7, "-7"},
		{int8(-8), "-8"},
		{int16(16), "16"},
		{int32(32), "32"},
		{int64(math.MinInt64), "-9223372036854775808"},
		{uint(1), "1"},
		{uint8(255), "255"},
		{uint16(16), "16"},
		{uint32(32), "32"},
		{uint64(math.MaxUint64), "18446744073709551615"},
		{1.5, "1.5"},
		{float32(0.25), "0.25"},
		{1e21, "1e+21"},
		{math.NaN(), "'NaN'::double precision"},
		{math.Inf(1), "'Infinity'::double precision"},
		{math.Inf(-1), "'-Infinity'::double precision"},
		{"it's", "'it''s'"},
		{`C:\dir`, `E'C:\\dir'`},
		{op.Raw("now()"), "now()"},
		{time.Date(2024, 2, 29, 23, 59, 58, 123456000, time.UTC), "'2024-02-29 23:59:58.123456Z'"},
		{time.Date(2024, 3, 1, 1, 0, 0, 0, time.FixedZone("", -5*3600-30*60)), "'2024-03-01 01:00:00-05:30'"},
		{[]byte{0, 1, 0xfe, '\\', '\''}, `E'\\x0001fe5c27'::bytea`},
		{[]byte{}, `E'\\x'::bytea`},
		{stringer{}, "'stringer''s text'"},
	}
	for _, tt := range tests {
		got, err := op.Literal(tt.in)
		if err != nil {
			t.Errorf("Literal(%#v): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("Literal(%#v) = %s, want %s", tt.in, got, tt.want)
		}
	}
	for _, bad := range []any{make(chan int), struct{}{}, []int{1}, map[string]int{}} {
		if _, err := op.Literal(bad); !errors.Is(err, op.ErrInvalid) {
			t.Errorf("Literal(%T) error = %v, want one wrapping ErrInvalid", bad, err)
		}
	}
}

type stringer struct{}

func (stringer) String() string { return "stringer's text" }

// TestBulkInsertRoundTrip inserts awkward values with BulkInsert and reads
// them back through the driver, under both settings of
// standard_conforming_strings: what the database stores must be exactly the
// Go value given.
func TestBulkInsertRoundTrip(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, `CREATE TABLE lit (id int PRIMARY KEY, s text, b bytea, ts timestamptz, f float8, n numeric, ok boolean, big bigint)`)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)

	type row struct {
		ID  int
		S   *string
		B   []byte
		TS  *time.Time
		F   *float64
		N   *string
		OK  *bool
		Big *int64
	}
	ts := time.Date(2024, 2, 29, 23, 59, 58, 123456000, time.UTC)
	texts := []string{"plain", "it's", `back\slash`, `\'`, "tab\tnew\nline", "ünïcödé ✓", `E'not escape'`, "$$dollar$$", "--comment", "a\"b"}
	blobs := [][]byte{{}, {0}, {0, 1, 2, 0xff}, []byte(`\x41`), []byte("it's"), bytes.Repeat([]byte{0x5c}, 3)}

	for _, scs := range []string{"on", "off"} {
		t.Run("standard_conforming_strings="+scs, func(t *testing.T) {
			if _, err := conn.Exec(ctx, "SET standard_conforming_strings = "+scs); err != nil {
				t.Fatal(err)
			}
			if _, err := conn.Exec(ctx, "SET escape_string_warning = off; TRUNCATE lit"); err != nil {
				t.Fatal(err)
			}
			ins := op.BulkInsert{Table: "lit", Columns: []string{"id", "s", "b", "ts", "f", "n", "ok", "big"}}
			for i := 0; i < max(len(texts), len(blobs)); i++ {
				var s, b any
				if i < len(texts) {
					s = texts[i]
				}
				if i < len(blobs) {
					b = blobs[i]
				}
				ins.Rows = append(ins.Rows, []any{i, s, b, ts.Add(time.Duration(i) * time.Hour), float64(i) + 0.5, "12.50", i%2 == 0, int64(math.MaxInt64 - i)})
			}
			ins.Rows = append(ins.Rows, []any{100, nil, nil, nil, math.Inf(-1), nil, nil, nil})
			stmts, err := ins.Statements()
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range stmts {
				if _, err := conn.Exec(ctx, s); err != nil {
					t.Fatalf("%v\n%s", err, s)
				}
			}
			rows, err := conn.Query(ctx, "SELECT id, s, b, ts, f, n::text, ok, big FROM lit ORDER BY id")
			if err != nil {
				t.Fatal(err)
			}
			got, err := pgx.CollectRows(rows, pgx.RowToStructByPos[row])
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(ins.Rows) {
				t.Fatalf("read %d rows, inserted %d", len(got), len(ins.Rows))
			}
			for i, r := range got[:len(got)-1] {
				if i < len(texts) && (r.S == nil || *r.S != texts[i]) {
					t.Errorf("row %d text = %v, want %q", i, r.S, texts[i])
				}
				if i < len(blobs) && !bytes.Equal(r.B, blobs[i]) {
					t.Errorf("row %d bytes = %x, want %x", i, r.B, blobs[i])
				}
				if want := ts.Add(time.Duration(i) * time.Hour); r.TS == nil || !r.TS.Equal(want) {
					t.Errorf("row %d time = %v, want %v", i, r.TS, want)
				}
				if r.F == nil || *r.F != float64(i)+0.5 || r.N == nil || *r.N != "12.50" || r.OK == nil || *r.OK != (i%2 == 0) || r.Big == nil || *r.Big != math.MaxInt64-int64(i) {
					t.Errorf("row %d scalars = %v %v %v %v", i, r.F, r.N, r.OK, r.Big)
				}
			}
			last := got[len(got)-1]
			if last.S != nil || last.B != nil || last.TS != nil || last.N != nil || last.OK != nil || last.Big != nil || last.F == nil || !math.IsInf(*last.F, -1) {
				t.Errorf("NULL row read back as %+v", last)
			}
		})
	}
}
