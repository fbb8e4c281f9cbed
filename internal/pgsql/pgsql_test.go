package pgsql_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/op"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// oddNames are names that need care: keywords of every category, dollar
// signs, quotes, spaces, upper case and non-ASCII letters.
var oddNames = []string{
	"users", "merge_action", "json", "json_table", "system_user", "a$b", "$a", "1abc", "_x",
	`say "hi"`, "two words", "Users", "ÄÖ", "naïve", "日本", "", "select", "user", "order",
	"between", "int", "name", "abort", "x-y", "a.b",
}

func connect(t *testing.T) *pgx.Conn {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(ctx) })
	return conn
}

// TestQuoteIdentAgreesWithServer checks every keyword PostgreSQL lists, and
// odd names, against the server's own quote_ident, and that the runtime's
// op.QuoteIdent says the same.
func TestQuoteIdentAgreesWithServer(t *testing.T) {
	conn := connect(t)
	ctx := context.Background()
	rows, err := conn.Query(ctx, "SELECT word FROM pg_get_keywords() ORDER BY word")
	if err != nil {
		t.Fatal(err)
	}
	serverWords, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(serverWords, pgsql.Keywords()) {
		t.Errorf("keywords.txt is not the server's keyword list: regenerate it (go generate ./internal/sqlnorm)")
	}
	names := append(slices.Clone(serverWords), oddNames...)
	for _, n := range names {
		if n == "" {
			continue // quote_ident('') is "" too, but an empty name is no name
		}
		var want string
		if err := conn.QueryRow(ctx, "SELECT quote_ident($1)", n).Scan(&want); err != nil {
			t.Fatal(err)
		}
		if got := pgsql.QuoteIdent(n); got != want {
			t.Errorf("pgsql.QuoteIdent(%q) = %s, server says %s", n, got, want)
		}
		if got := op.QuoteIdent(n); got != want {
			t.Errorf("op.QuoteIdent(%q) = %s, server says %s", n, got, want)
		}
	}
}

// TestQuotedNamesRoundTrip creates a table for each odd name and reads the
// name back through the quoted form.
func TestQuotedNamesRoundTrip(t *testing.T) {
	conn := connect(t)
	ctx := context.Background()
	for _, n := range oddNames {
		if n == "" {
			continue
		}
		q := pgsql.QualifiedName("public", n)
		if _, err := conn.Exec(ctx, "CREATE TABLE "+q+" ("+pgsql.QuoteIdent(n)+" text DEFAULT "+pgsql.QuoteLiteral(n+`\'`)+")"); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		var rel, def string
		err := conn.QueryRow(ctx, `SELECT c.relname::text, pg_get_expr(d.adbin, d.adrelid) FROM pg_class c
			JOIN pg_attrdef d ON d.adrelid = c.oid WHERE c.oid = $1::regclass`, q).Scan(&rel, &def)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if rel != n {
			t.Errorf("table %s is named %q", q, rel)
		}
		if parts := pgsql.SplitQualified(q); !slices.Equal(parts, []string{"public", n}) {
			t.Errorf("SplitQualified(%s) = %q", q, parts)
		}
		var lit string
		if err := conn.QueryRow(ctx, "SELECT "+pgsql.QuoteLiteral(n+`\'`)).Scan(&lit); err != nil || lit != n+`\'` {
			t.Errorf("literal of %q reads back as %q (%v)", n, lit, err)
		}
	}
}

// TestParseTypeAgreesWithFormatType spells types in many ways and checks
// the canonical spelling against format_type of a column declared so.
func TestParseTypeAgreesWithFormatType(t *testing.T) {
	conn := connect(t)
	ctx := context.Background()
	if _, err := conn.Exec(ctx, `CREATE SCHEMA "Odd"; CREATE TYPE "Odd"."My Type" AS ENUM ('a'); CREATE TYPE public.mood AS ENUM ('x')`); err != nil {
		t.Fatal(err)
	}
	spellings := []string{
		"int", "INTEGER", "int4", "int8", "bigint", "smallint", "int2", "serial", "bigserial",
		"varchar", "varchar(20)", "character varying(20)", "CHAR VARYING(3)", "char", "char(5)", "character(5)", "bpchar", "bpchar(2)",
		"text", "numeric", "numeric(10)", "numeric(10,2)", "decimal(5,1)", "dec", "float", "float(24)", "float(25)", "float4", "float8",
		"real", "double precision", "boolean", "bool", "bit", "bit(3)", "bit varying(4)", "varbit",
		"timestamp", "timestamp(3)", "timestamp with time zone", "timestamp(0) with time zone", "timestamptz", "timestamptz(2)",
		"time", "time(2) without time zone", "time with time zone", "timetz", "date",
		"interval", "interval(3)", "interval day to second", "interval day to second(2)", "interval year", "interval hour to minute",
		"json", "jsonb", "uuid", `"char"`, "name", "bytea", "int[]", "integer[][]", "text[3]", "int ARRAY", "varchar(10)[]",
		"public.mood", "mood[]", `"Odd"."My Type"`, `"Odd"."My Type"[]`, "pg_catalog.int4", "pg_catalog.varchar(3)",
	}
	for i, s := range spellings {
		serial, _ := pgsql.SerialType(strings.ToLower(s))
		col := s
		if serial != "" {
			col = s // serial columns are integers with a default
		}
		tbl := fmt.Sprintf("t%d", i)
		if _, err := conn.Exec(ctx, "CREATE TABLE "+tbl+" (c "+col+")"); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		var want string
		if err := conn.QueryRow(ctx, `SELECT format_type(atttypid, atttypmod) FROM pg_attribute
			WHERE attrelid = $1::regclass AND attname = 'c'`, tbl).Scan(&want); err != nil {
			t.Fatal(err)
		}
		typ, err := pgsql.ParseType(s)
		if err != nil {
			t.Errorf("ParseType(%q): %v", s, err)
			continue
		}
		if typ.Schema == "" && !typ.Builtin() {
			typ.Schema = "public" // what search_path would resolve
		}
		// format_type leaves out schemas on the search_path.
		got := strings.TrimPrefix(typ.String(), "public.")
		if got != want {
			t.Errorf("ParseType(%q) = %s, format_type says %s", s, got, want)
		}
	}
}

// TestSplit cuts statements where PostgreSQL would, and nowhere else.
func TestSplit(t *testing.T) {
	src := "-- header; comment\nCREATE TABLE a (x text DEFAULT 'a;b'); /* c; */\n" +
		"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\n" +
		"CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END;\n" +
		"\\restrict abc\n" +
		`CREATE TABLE "b;c" (y text DEFAULT E'\';');` + "\nSELECT a$b FROM t"
	var got []string
	for _, s := range pgsql.Split(src) {
		got = append(got, s.Text)
		if src[s.Offset:s.Offset+len(s.Text)] != s.Text {
			t.Errorf("offset %d does not start %q", s.Offset, s.Text)
		}
	}
	want := []string{
		"CREATE TABLE a (x text DEFAULT 'a;b')",
		"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$",
		"CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END",
		`\restrict abc`,
		`CREATE TABLE "b;c" (y text DEFAULT E'\';')`,
		"SELECT a$b FROM t",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Split:\n got %q\nwant %q", got, want)
	}
}

// TestSplitOpenComment checks that a block comment left open at the end of
// the text becomes a statement, for the parser to report, while closed
// ones (nested too) between statements are left out.
func TestSplitOpenComment(t *testing.T) {
	cases := map[string][]string{
		"CREATE TABLE t (a int); /* open\nCREATE TABLE u (b int);": {"CREATE TABLE t (a int)", "/* open\nCREATE TABLE u (b int);"},
		"CREATE TABLE t (a int); /* a /* b */ still open":          {"CREATE TABLE t (a int)", "/* a /* b */ still open"},
		"CREATE TABLE t (a int); /* a /* b */ c */":                {"CREATE TABLE t (a int)"},
		"CREATE TABLE t (a int); /* closed */":                     {"CREATE TABLE t (a int)"},
	}
	for src, want := range cases {
		var got []string
		for _, s := range pgsql.Split(src) {
			got = append(got, s.Text)
		}
		if !slices.Equal(got, want) {
			t.Errorf("Split(%q):\n got %q\nwant %q", src, got, want)
		}
	}
}

// TestTokens checks the token kinds of a line holding one of each.
func TestTokens(t *testing.T) {
	src := `SELECT "Q""x", e'a\'b', $t$ x $t$, $1, 1.5e3, a::int, U&"d", b'01' -- c` + "\n/* n /* n */ */"
	var kinds []pgsql.TokenKind
	var texts []string
	for _, tok := range pgsql.Tokens(src) {
		if tok.Kind == pgsql.Space {
			continue
		}
		kinds = append(kinds, tok.Kind)
		texts = append(texts, tok.Text)
	}
	want := []string{"SELECT", `"Q""x"`, ",", `e'a\'b'`, ",", "$t$ x $t$", ",", "$1", ",", "1.5e3", ",", "a", "::", "int", ",", `U&"d"`, ",", "b'01'", "-- c", "/* n /* n */ */"}
	if !slices.Equal(texts, want) {
		t.Fatalf("tokens:\n got %q\nwant %q", texts, want)
	}
	wantKinds := []pgsql.TokenKind{pgsql.Word, pgsql.QuotedIdent, pgsql.Punct, pgsql.String, pgsql.Punct, pgsql.DollarString, pgsql.Punct,
		pgsql.Param, pgsql.Punct, pgsql.Number, pgsql.Punct, pgsql.Word, pgsql.Operator, pgsql.Word, pgsql.Punct, pgsql.QuotedIdent,
		pgsql.Punct, pgsql.String, pgsql.LineComment, pgsql.BlockComment}
	if !slices.Equal(kinds, wantKinds) {
		t.Errorf("kinds: got %v want %v", kinds, wantKinds)
	}
	if n, ok := pgsql.Tokens(`"Q""x"`)[0].Ident(); !ok || n != `Q"x` {
		t.Errorf("Ident of quoted = %q", n)
	}
}
