package ddlparse_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/corpus"
	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// TestAnyOrder reads schemas whose statements come in an order PostgreSQL
// would refuse, and requires the model of the same schema in an order it
// accepts.
func TestAnyOrder(t *testing.T) {
	cases := []struct{ name, ordered, shuffled string }{
		{
			name:     "type after the table that uses it",
			ordered:  "CREATE TYPE mood AS ENUM ('sad', 'ok');\nCREATE TABLE t (m mood DEFAULT 'ok');",
			shuffled: "CREATE TABLE t (m mood DEFAULT 'ok');\nCREATE TYPE mood AS ENUM ('sad', 'ok');",
		},
		{
			name: "domain whose check calls a function defined later",
			ordered: `CREATE FUNCTION valid_code(text) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT length($1) = 3';
CREATE DOMAIN code AS text CHECK (valid_code(VALUE));
CREATE TABLE t (c code);`,
			shuffled: `CREATE TABLE t (c code);
CREATE DOMAIN code AS text CHECK (valid_code(VALUE));
CREATE FUNCTION valid_code(text) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT length($1) = 3';`,
		},
		{
			name: "foreign keys both ways",
			ordered: `CREATE TABLE a (id int PRIMARY KEY, b_id int);
CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);
ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b;`,
			shuffled: `CREATE TABLE a (id int PRIMARY KEY, b_id int REFERENCES b);
CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);`,
		},
		{
			name: "function reading tables defined later, views before their tables, comments first",
			ordered: `CREATE SCHEMA app;
CREATE TABLE app.users (id int PRIMARY KEY, name text);
ALTER TABLE app.users ADD COLUMN email text;
CREATE INDEX users_email ON app.users (lower(email));
CREATE FUNCTION app.user_count() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(*) FROM app.users; END;
CREATE VIEW app.names AS SELECT name, email FROM app.users;
CREATE VIEW app.counted AS SELECT app.user_count() AS n, (SELECT count(*) FROM app.names) AS m;
COMMENT ON COLUMN app.users.email IS 'where we write';
COMMENT ON VIEW app.names IS 'names';`,
			shuffled: `COMMENT ON VIEW app.names IS 'names';
COMMENT ON COLUMN app.users.email IS 'where we write';
CREATE VIEW app.counted AS SELECT app.user_count() AS n, (SELECT count(*) FROM app.names) AS m;
CREATE VIEW app.names AS SELECT name, email FROM app.users;
CREATE FUNCTION app.user_count() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(*) FROM app.users; END;
CREATE INDEX users_email ON app.users (lower(email));
ALTER TABLE app.users ADD COLUMN email text;
CREATE TABLE app.users (id int PRIMARY KEY, name text);
CREATE SCHEMA app;`,
		},
		{
			name: "search_path of each file part",
			ordered: `CREATE SCHEMA s;
SET search_path = s;
CREATE TYPE color AS ENUM ('red');
CREATE TABLE t (c color);`,
			shuffled: `SET search_path = s;
CREATE TABLE t (c color);
CREATE TYPE color AS ENUM ('red');
CREATE SCHEMA s;`,
		},
		{
			name: "sequence owned by a column, and a default using it",
			ordered: `CREATE TABLE t (id bigint NOT NULL);
CREATE SEQUENCE t_id_seq;
ALTER SEQUENCE t_id_seq OWNED BY t.id;
ALTER TABLE t ALTER COLUMN id SET DEFAULT nextval('t_id_seq'::regclass);
ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY (id);`,
			shuffled: `ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY (id);
ALTER TABLE t ALTER COLUMN id SET DEFAULT nextval('t_id_seq'::regclass);
ALTER SEQUENCE t_id_seq OWNED BY t.id;
CREATE SEQUENCE t_id_seq;
CREATE TABLE t (id bigint NOT NULL);`,
		},
		{
			name: "a table dropped after a view and a comment used it",
			ordered: `CREATE TABLE users (id int);
CREATE VIEW v AS SELECT id FROM users;
COMMENT ON TABLE users IS 'gone';
DROP VIEW v;
DROP TABLE users;`,
			shuffled: `DROP TABLE users;
DROP VIEW v;
CREATE VIEW v AS SELECT id FROM users;
COMMENT ON TABLE users IS 'gone';
CREATE TABLE users (id int);`,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want, err := ddlparse.Parse("ordered.sql", []byte(c.ordered))
			if err != nil {
				t.Fatalf("the ordered schema: %v", err)
			}
			got, err := ddlparse.Parse("shuffled.sql", []byte(c.shuffled))
			if err != nil {
				t.Fatalf("the shuffled schema: %v", err)
			}
			if a, b := model.Dump(want), model.Dump(got); a != b {
				t.Errorf("models differ:\nordered:\n%s\nshuffled:\n%s", a, b)
			}
		})
	}
}

// TestOrderErrors: a real cycle names every statement in it, and a
// missing object names where something of its name is created.
func TestOrderErrors(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.sql": "CREATE DOMAIN code AS text CHECK (is_code(VALUE));\n",
		"b.sql": "\n\nCREATE FUNCTION is_code(code) RETURNS boolean LANGUAGE sql AS 'SELECT true';\n",
	}
	for n, src := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := ddlparse.Load(context.Background(), dir)
	if !errors.Is(err, ddlparse.ErrCycle) {
		t.Fatalf("want a cycle error, got %v", err)
	}
	for _, want := range []string{"a.sql:1: CREATE DOMAIN code", "b.sql:3: CREATE FUNCTION is_code(code)", "creates function public.is_code", "creates type public.code"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the cycle error does not say %q:\n%v", want, err)
		}
	}

	_, err = ddlparse.Parse("schema.sql", []byte("CREATE TABLE t (c color);\n\nCREATE SCHEMA other;\nCREATE TYPE other.color AS ENUM ('red');\n"))
	if !errors.Is(err, ddlparse.ErrUndefined) {
		t.Fatalf("want an undefined error, got %v", err)
	}
	for _, want := range []string{"schema.sql:1:", "schema.sql:4 creates type other.color in schema other"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not say %q:\n%v", want, err)
		}
	}
}

// splitStatements splits a schema file into one text per statement, each
// prefixed with the session settings in effect where it stood (SET
// search_path and the like apply to what follows them in a file).
func splitStatements(t *testing.T, src string) []string {
	var settings []string
	var out []string
	for _, s := range pgsql.Split(src) {
		text := strings.TrimSpace(s.Text)
		if text == "" || s.Meta {
			continue
		}
		res, err := pg.Parse(text)
		if err != nil || len(res.Stmts) != 1 {
			// A body the splitter cut: keep the text with what follows.
			return nil
		}
		switch n := res.Stmts[0].Stmt; {
		case n.GetVariableSetStmt() != nil, n.GetSelectStmt() != nil:
			settings = append(settings, text)
			continue
		}
		out = append(out, strings.Join(append(append([]string(nil), settings...), text), ";\n")+";\n")
	}
	return out
}

// orderDependent lists the corpus schemas whose meaning PostgreSQL itself
// ties to the order of their statements, so that no reading of the set
// can give the in-order model whatever the shuffle: a partitioned index
// adopts a matching index that a partition already has, and creates one
// of its own otherwise.
var orderDependent = map[string]bool{
	"pg-schema-diff/database_schema_source--drop-partitioned-table-add-partitioned-table-with-local-keys/b.sql": true,
	"pg-schema-diff/partitioned_index--add-primary-key-to-partition-using-existing-index/b.sql":                 true,
	"pg-schema-diff/partitioned_table--can-handle-scenario-where-partition-is-not-attached/b.sql":               true,
}

// TestShuffledCorpus is the shuffled-schema property: every corpus b.sql,
// split into one file per statement, shuffled, and read as a directory,
// gives the same model as the file read in order (orderDependent lists
// the exceptions PostgreSQL makes).
func TestShuffledCorpus(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "corpus")
	if d := os.Getenv("AUTOGEN_CORPUS"); d != "" {
		root = d
	}
	paths, err := filepath.Glob(filepath.Join(root, "*", "*", "b.sql"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("the shared corpus is missing at %s (set AUTOGEN_CORPUS): %v", root, err)
	}
	ctx := context.Background()
	same, total := 0, 0
	for i, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		want, err := ddlparse.Parse(p, src)
		if err != nil {
			// A file the reader refuses in order is no property case.
			continue
		}
		stmts := splitStatements(t, string(src))
		if stmts == nil {
			continue
		}
		total++
		dir := t.TempDir()
		rng := rand.New(rand.NewPCG(uint64(i), 14))
		for j, k := range rng.Perm(len(stmts)) {
			name := filepath.Join(dir, fmt.Sprintf("%04d.sql", j))
			if err := os.WriteFile(name, []byte(stmts[k]), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := ddlparse.Load(ctx, dir)
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		report := t.Errorf
		if orderDependent[rel] {
			report = t.Logf
		}
		if err != nil {
			report("%s shuffled: %v", rel, err)
			continue
		}
		if a, b := model.Dump(want), model.Dump(got); a != b {
			report("%s: the shuffled statements give another model:\n%s", rel, corpus.LineDiff(a, b))
			continue
		}
		same++
	}
	t.Logf("shuffled schemas: %d of %d read as in order", same, total)
	fmt.Printf("shuffled schemas: %d of %d read as in order\n", same, total)
}
