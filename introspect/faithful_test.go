package introspect_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/internal/pgtest"
)

// errRollback ends the transaction of one check.
var errRollback = errors.New("rollback")

// TestSQLIsFaithful checks that the executable SQL the SQL reader keeps for
// expressions means what the file said: each column default, CHECK
// constraint and view query is created again from Expr.SQL next to the
// original, and PostgreSQL must print both the same way.
func TestSQLIsFaithful(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(readersDir, "*.sql"))
	if err != nil {
		t.Fatal(err)
	}
	url := pgtest.NewDB(t)
	ctx := context.Background()
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			cat, err := ddlparse.Parse(path, src)
			if err != nil {
				t.Fatal(err)
			}
			if err := pgtest.ExecContext(ctx, url, resetSQL); err != nil {
				t.Fatal(err)
			}
			pgtest.Exec(t, url, string(src))
			conn, err := pgx.Connect(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close(ctx)
			// check runs sql in a transaction that is rolled back, with a
			// search_path of only the schemas of the file's extensions, so
			// that nothing of the file's own resolves by luck, and
			// compares two strings it queries. Extensions stay on the
			// path: an operator an extension shares with a built-in name
			// (PostGIS's && on geometry) cannot be qualified without the
			// operand types, and is written bare, to resolve through the
			// search_path as it does when a revision runs.
			var extSchemas []string
			for _, e := range cat.Extensions {
				if e.Schema != "" && !slices.Contains(extSchemas, pgsql.QuoteIdent(e.Schema)) {
					extSchemas = append(extSchemas, pgsql.QuoteIdent(e.Schema))
				}
			}
			path := "''"
			if len(extSchemas) > 0 {
				path = strings.Join(extSchemas, ", ")
			}
			check := func(what string, setup []string, query string) {
				t.Helper()
				err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
					if _, err := tx.Exec(ctx, "SET LOCAL search_path = "+path); err != nil {
						return err
					}
					for _, s := range setup {
						if _, err := tx.Exec(ctx, s); err != nil {
							return err
						}
					}
					var want, got string
					if err := tx.QueryRow(ctx, query).Scan(&want, &got); err != nil {
						return err
					}
					if want != got {
						t.Errorf("%s: the original reads %q, the SQL reader's SQL %q", what, want, got)
					}
					return errRollback
				})
				if err != nil && !errors.Is(err, errRollback) {
					t.Errorf("%s: %v", what, err)
				}
			}
			for _, tbl := range cat.Tables {
				rel := pgsql.QualifiedName(tbl.Name.Schema, tbl.Name.Name)
				for _, c := range tbl.Columns {
					if c.Default == nil {
						continue
					}
					check(tbl.Name.String()+"."+c.Name+" default",
						[]string{"CREATE TABLE pg_temp.faithful (c " + c.Type + " DEFAULT " + c.Default.SQL + ")"},
						`SELECT pg_get_expr(d.adbin, d.adrelid),
						        (SELECT pg_get_expr(f.adbin, f.adrelid) FROM pg_attrdef f WHERE f.adrelid = 'pg_temp.faithful'::regclass)
						 FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
						 WHERE d.adrelid = '`+rel+`'::regclass AND a.attname = '`+c.Name+`'`)
				}
				for _, con := range tbl.Constraints {
					if con.Expr == nil {
						continue
					}
					check(tbl.Name.String()+" "+con.Name,
						[]string{"ALTER TABLE " + rel + " ADD CONSTRAINT faithful CHECK (" + con.Expr.SQL + ") NOT VALID"},
						`SELECT pg_get_expr(a.conbin, a.conrelid), pg_get_expr(b.conbin, b.conrelid)
						 FROM pg_constraint a, pg_constraint b
						 WHERE a.conrelid = '`+rel+`'::regclass AND a.conname = '`+con.Name+`'
						   AND b.conrelid = a.conrelid AND b.conname = 'faithful'`)
				}
			}
			for _, v := range cat.Views {
				rel := pgsql.QualifiedName(v.Name.Schema, v.Name.Name)
				kind := "VIEW"
				if v.Materialized {
					kind = "MATERIALIZED VIEW"
				}
				check(v.Name.String()+" query",
					[]string{"CREATE " + kind + " " + pgsql.QualifiedName(v.Name.Schema, "faithful") + " AS " + v.Query.SQL},
					`SELECT pg_get_viewdef('`+rel+`'::regclass), pg_get_viewdef('`+pgsql.QualifiedName(v.Name.Schema, "faithful")+`'::regclass)`)
			}
		})
	}
}
