package diff

import (
	"slices"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// parse reads a schema with the SQL reader, so that expressions carry the
// canonical text the rename rewriter works on.
func parse(t *testing.T, src string) *model.Catalog {
	t.Helper()
	c, err := ddlparse.Parse("test.sql", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c.Sort()
	return c
}

func TestRenamesKeepEverythingThatFollows(t *testing.T) {
	// The table and one column are renamed. Everything that refers to them
	// (the serial sequence, the primary key, a unique constraint, a check,
	// an index with an expression, a foreign key from another table, a
	// trigger) must follow, so that the revision holds renames only: no
	// drop, no add, and above all no new sequence restarting at 1.
	from := parse(t, `
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TABLE users (
  id serial PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (email <> ''),
  "Nick" text
);
CREATE INDEX users_lower_email_idx ON users (lower(email)) WHERE email IS NOT NULL;
CREATE TABLE orders (id bigint PRIMARY KEY, user_id integer REFERENCES users (id));
CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
`)
	to := parse(t, `
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TABLE members (
  id serial PRIMARY KEY,
  email_address text NOT NULL UNIQUE CHECK (email_address <> ''),
  "Nick" text
);
CREATE INDEX users_lower_email_idx ON members (lower(email_address)) WHERE email_address IS NOT NULL;
CREATE TABLE orders (id bigint PRIMARY KEY, user_id integer REFERENCES members (id));
CREATE TRIGGER users_touch BEFORE UPDATE ON members FOR EACH ROW EXECUTE FUNCTION touch();
`)
	r := Renames{
		Tables:  map[model.Name]string{n("users"): "members"},
		Columns: map[model.Name]map[string]string{n("members"): {"email": "email_address"}},
	}
	got := kinds(mustDiff(t, from, to, withSQLRenamer, WithRenames(r)))
	want := []string{
		"diff.RenameTable renamed table 'users' to 'members'",
		"diff.RenameColumn renamed column 'members.email' to 'email_address'",
		"diff.RenameConstraint renamed constraint 'users_email_check' on 'members' to 'members_email_address_check'",
		"diff.RenameConstraint renamed constraint 'users_email_key' on 'members' to 'members_email_address_key'",
		"diff.RenameConstraint renamed constraint 'users_pkey' on 'members' to 'members_pkey'",
		"diff.RenameSequence renamed sequence 'users_id_seq' to 'members_id_seq'",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The caller's catalog is left as it was.
	if from.Table(n("users")) == nil || from.Table(n("users")).Column("email") == nil {
		t.Error("applying renames modified the current catalog")
	}

	// The downgrade renames everything back.
	back := kinds(mustDiff(t, to, from, withSQLRenamer, WithRenames(Renames{
		Tables:  map[model.Name]string{n("members"): "users"},
		Columns: map[model.Name]map[string]string{n("users"): {"email_address": "email"}},
	})))
	for _, c := range back {
		if !strings.HasPrefix(c, "diff.Rename") {
			t.Errorf("the downgrade should only rename, got %s", c)
		}
	}
	if len(back) != len(want) {
		t.Errorf("the downgrade has %d changes, want %d:\n%s", len(back), len(want), strings.Join(back, "\n"))
	}
}

func TestRenamesOfEnumsIndexesAndConstraints(t *testing.T) {
	from := parse(t, `
CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad');
CREATE TABLE t (m mood NOT NULL DEFAULT 'ok', ms mood[], a integer CONSTRAINT a_positive CHECK (a > 0));
CREATE INDEX t_a_idx ON t (a);
CREATE INDEX t_a_idx2 ON t (a);
`)
	to := parse(t, `
CREATE TYPE feeling AS ENUM ('happy', 'content', 'sad');
CREATE TABLE t (m feeling NOT NULL DEFAULT 'content', ms feeling[], a integer CONSTRAINT a_above_zero CHECK (a > 0));
CREATE INDEX t_a_second ON t (a);
CREATE INDEX t_a_first ON t (a);
`)
	r := Renames{
		Enums:       map[model.Name]string{n("mood"): "feeling"},
		EnumValues:  map[model.Name]map[string]string{n("feeling"): {"ok": "content"}},
		Constraints: map[model.Name]map[string]string{n("t"): {"a_positive": "a_above_zero"}},
		// Both indexes have the same definition; the renames say which
		// one becomes which, where matching by definition would guess.
		Indexes: map[model.Name]string{n("t_a_idx"): "t_a_first", n("t_a_idx2"): "t_a_second"},
	}
	got := kinds(mustDiff(t, from, to, withSQLRenamer, WithRenames(r)))
	want := []string{
		"diff.RenameEnum renamed enum 'mood' to 'feeling'",
		"diff.RenameConstraint renamed constraint 'a_positive' on 't' to 'a_above_zero'",
		"diff.RenameIndex renamed index 't_a_idx' to 't_a_first'",
		"diff.RenameIndex renamed index 't_a_idx2' to 't_a_second'",
		"diff.RenameEnumValue renamed value 'ok' of enum 'feeling' to 'content'",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRenameThenChange(t *testing.T) {
	// A renamed column whose type also changes: the rename comes first and
	// the change addresses the column by its new name.
	from := parse(t, `CREATE TABLE t (a integer); CREATE INDEX t_a ON t (a);`)
	to := parse(t, `CREATE TABLE t (b bigint); CREATE INDEX t_b ON t (b DESC);`)
	got := kinds(mustDiff(t, from, to, withSQLRenamer, WithRenames(Renames{
		Columns: map[model.Name]map[string]string{n("t"): {"a": "b"}},
		Indexes: map[model.Name]string{n("t_a"): "t_b"},
	})))
	want := []string{
		"diff.RenameColumn renamed column 't.a' to 'b'",
		"diff.RenameIndex renamed index 't_a' to 't_b'",
		"diff.DropIndex removed index 't_b' on 't'",
		"diff.AlterColumn changed column 't.b': type integer -> bigint",
		"diff.CreateIndex added index 't_b' on 't'",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRenameErrors(t *testing.T) {
	from := parse(t, `CREATE TYPE e AS ENUM ('a'); CREATE TABLE t (a integer, b integer); CREATE TABLE u (x integer);`)
	to := parse(t, `CREATE TYPE e AS ENUM ('b'); CREATE TABLE v (a integer, c integer); CREATE TABLE u (x integer);`)
	tests := []struct {
		r    Renames
		want string
	}{
		{Renames{Tables: map[model.Name]string{n("nope"): "v"}}, "no such table in the current schema"},
		{Renames{Tables: map[model.Name]string{n("t"): "w"}}, "no such table in the target schema"},
		{Renames{Tables: map[model.Name]string{n("t"): "u"}}, "the current schema has a table of that name"},
		{Renames{Tables: map[model.Name]string{n("t"): "v"}, Columns: map[model.Name]map[string]string{n("v"): {"zz": "c"}}}, "no such column"},
		{Renames{Tables: map[model.Name]string{n("t"): "v"}, Columns: map[model.Name]map[string]string{n("v"): {"b": "a"}}}, "the table has a column of that name"},
		{Renames{Enums: map[model.Name]string{n("e"): "f"}}, "no such enum in the target schema"},
		{Renames{EnumValues: map[model.Name]map[string]string{n("e"): {"a": "z"}}}, "the target enum has no such value"},
		{Renames{Indexes: map[model.Name]string{n("i"): "j"}}, "no such index in the current schema"},
		{Renames{Constraints: map[model.Name]map[string]string{n("u"): {"c": "d"}}}, "no such constraint"},
	}
	for _, tt := range tests {
		_, err := Diff(from, to, WithRenames(tt.r))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("renames %+v: error %v, want one saying %q", tt.r, err, tt.want)
		}
	}
}

// withSQLRenamer rewrites expressions after renames the way autogenerate
// does, with the readers' canonicalizer.
var withSQLRenamer = WithExprRenamer(sqlnorm.RenameCatalogExprs)

// TestRenameTouchesOnlyWhatReadsTheColumn renames a column: a view that
// does not read it is left alone, and so is one that reads it under an
// alias that keeps its output name, since PostgreSQL renames inside views.
func TestRenameTouchesOnlyWhatReadsTheColumn(t *testing.T) {
	from := parse(t, `
CREATE TABLE users (id integer PRIMARY KEY, email text, full_name text);
CREATE VIEW contacts AS SELECT id, email FROM users;
CREATE VIEW names AS SELECT id, full_name AS full_name FROM users WHERE full_name <> '';
CREATE INDEX users_name_idx ON users (lower(full_name));
`)
	to := parse(t, `
CREATE TABLE users (id integer PRIMARY KEY, email text, name text);
CREATE VIEW contacts AS SELECT id, email FROM users;
CREATE VIEW names AS SELECT id, name AS full_name FROM users WHERE name <> '';
CREATE INDEX users_name_idx ON users (lower(name));
`)
	got := kinds(mustDiff(t, from, to, withSQLRenamer, WithRenames(Renames{
		Columns: map[model.Name]map[string]string{n("users"): {"full_name": "name"}},
	})))
	want := []string{"diff.RenameColumn renamed column 'users.full_name' to 'name'"}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
