package autogenerate

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/model"
)

func parse(t *testing.T, src string) *model.Catalog {
	t.Helper()
	c, err := ddlparse.Parse("test.sql", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c.Sort()
	return c
}

func pub(name string) model.Name { return model.Name{Schema: "public", Name: name} }

func TestRenamedFromDirectives(t *testing.T) {
	src := `\set ON_ERROR_STOP on
-- autogen:renamed-from users
CREATE TABLE members (
  id bigint PRIMARY KEY,
  email_address text NOT NULL, -- autogen:renamed-from email
  -- autogen:renamed-from "Nick Name"
  nickname text,
  age integer CONSTRAINT age_positive CHECK (age > 0) -- autogen:renamed-from age_ok
);
CREATE TABLE app.t (a int);
/* autogen:renamed-from old_idx */
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_a_key ON app.t (a);
ALTER TABLE app.t
  ADD COLUMN b integer, -- autogen:renamed-from bb
  ADD CONSTRAINT b_ok CHECK (b > 0); -- autogen:renamed-from b_check
CREATE TYPE feeling AS ENUM ( -- autogen:renamed-from mood
  'happy',
  'content', -- autogen:renamed-from 'o''k'
  'sad'
);
`
	got, err := RenamedFrom("schema.sql", src)
	if err != nil {
		t.Fatal(err)
	}
	want := []Hint{
		{Kind: HintTable, Name: "members", Old: "users", Pos: "schema.sql:2"},
		{Kind: HintColumn, Name: "members", Member: "email_address", Old: "email", Pos: "schema.sql:5"},
		{Kind: HintColumn, Name: "members", Member: "nickname", Old: "Nick Name", Pos: "schema.sql:6"},
		// Two definitions start on the line: the constraint is tried
		// first, then the column.
		{Kind: HintConstraint, Name: "members", Member: "age_positive", Old: "age_ok", Pos: "schema.sql:8"},
		{Kind: HintColumn, Name: "members", Member: "age", Old: "age_ok", Pos: "schema.sql:8"},
		{Kind: HintIndex, Schema: "app", Name: "t_a_key", Old: "old_idx", Pos: "schema.sql:11"},
		{Kind: HintColumn, Schema: "app", Name: "t", Member: "b", Old: "bb", Pos: "schema.sql:14"},
		{Kind: HintConstraint, Schema: "app", Name: "t", Member: "b_ok", Old: "b_check", Pos: "schema.sql:15"},
		{Kind: HintEnum, Name: "feeling", Old: "mood", Pos: "schema.sql:16"},
		{Kind: HintEnumValue, Name: "feeling", Member: "content", Old: "o'k", Pos: "schema.sql:18"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", hintLines(got), hintLines(want))
	}
}

func hintLines(hs []Hint) string {
	var b strings.Builder
	for _, h := range hs {
		b.WriteString(h.Pos + " " + string(h.Kind) + " " + h.Schema + "." + h.Name + "." + h.Member + " <- " + h.Old + "\n")
	}
	return b.String()
}

func TestRenamedFromErrors(t *testing.T) {
	for _, src := range []string{
		"-- autogen:renamed-from users\nSELECT 1;",
		"CREATE TABLE t (a int); -- autogen:renamed-from\n",
		"CREATE TABLE t (a int); -- autogen:renamed-from \"open\n",
	} {
		// Text PostgreSQL's parser rejects (an unterminated string) is
		// the SQL reader's to report, with its position: it reads
		// schema.sql before the directives are looked at.
		if _, err := RenamedFrom("s.sql", src); err == nil {
			t.Errorf("no error for %q", src)
		}
	}
	// Text without the directive is not even scanned.
	if hs, err := RenamedFrom("s.sql", "SELECT 'unterminated"); hs != nil || err != nil {
		t.Errorf("text without directives: %v, %v", hs, err)
	}
}

func TestResolveHints(t *testing.T) {
	current := parse(t, `
CREATE TYPE mood AS ENUM ('happy', 'ok');
CREATE TABLE users (id bigint, email text, m mood, CONSTRAINT id_ok CHECK (id > 0));
CREATE INDEX users_email ON users (email);
CREATE TABLE done (x int);
`)
	desiredSQL := `
CREATE TYPE feeling AS ENUM ( -- autogen:renamed-from mood
  'happy', 'content' -- autogen:renamed-from ok
);
-- autogen:renamed-from users
CREATE TABLE members (
  id bigint,
  email_address text, -- autogen:renamed-from email
  m feeling,
  CONSTRAINT id_positive CHECK (id > 0) -- autogen:renamed-from id_ok
);
CREATE INDEX members_email ON members (email_address); -- autogen:renamed-from users_email
-- The rename of x to y happened in an earlier revision: the directive stays
-- in the file and does nothing.
CREATE TABLE done (
  x int -- autogen:renamed-from y
);
-- A new table with a directive whose old name never existed.
CREATE TABLE fresh (a int); -- autogen:renamed-from nothing
`
	desired := parse(t, desiredSQL)
	hints, err := RenamedFrom("schema.sql", desiredSQL)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ResolveHints(hints, current, desired)
	if err != nil {
		t.Fatal(err)
	}
	want := NewRenames()
	want.Tables[pub("users")] = "members"
	want.Columns[pub("members")] = map[string]string{"email": "email_address"}
	want.Constraints[pub("members")] = map[string]string{"id_ok": "id_positive"}
	want.Indexes[pub("users_email")] = "members_email"
	want.Enums[pub("mood")] = "feeling"
	want.EnumValues[pub("feeling")] = map[string]string{"ok": "content"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	// With every rename confirmed, nothing is left to ask about, and the
	// diff holds renames only.
	if c := Candidates(current, desired, got, nil); len(c) != 0 {
		t.Errorf("candidates left: %v", c)
	}
	res, err := Compare(current, desired, Options{Renames: got})
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range [][]diff.Change{res.Up, res.Down} {
		for _, c := range dir {
			if !strings.HasPrefix(c.Describe(), "renamed ") && !strings.Contains(c.Describe(), "'fresh'") {
				t.Errorf("unexpected change %s", c.Describe())
			}
		}
	}
}

func TestCandidates(t *testing.T) {
	current := parse(t, `
CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad');
CREATE TYPE color AS ENUM ('red', 'green');
CREATE TABLE users (id bigint NOT NULL, email text NOT NULL, phone text);
CREATE TABLE logs (at timestamptz, line text);
`)
	desired := parse(t, `
CREATE TYPE mood AS ENUM ('happy', 'content', 'sad');
CREATE TYPE colour AS ENUM ('red', 'green');
CREATE TABLE users (id bigint NOT NULL, email_address text NOT NULL, fax text, age integer);
CREATE TABLE log_lines (at timestamptz, line text);
`)
	var got []string
	for _, c := range Candidates(current, desired, NewRenames(), nil) {
		got = append(got, c.String()+" | --rename "+c.Flag())
	}
	want := []string{
		"table logs -> log_lines | --rename logs=log_lines",
		"column users.email -> email_address | --rename users.email=email_address",
		"column users.phone -> fax | --rename users.phone=fax",
		"enum color -> colour | --rename enum:color=colour",
		"enum value mood.ok -> content | --rename value:mood.ok=content",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// A confirmed rename and a declined candidate are no longer asked
	// about.
	confirmed := NewRenames()
	confirmed.Columns[pub("users")] = map[string]string{"email": "email_address"}
	declined := []Candidate{{Kind: CandidateColumn, Container: pub("users"), Was: pub("users"), From: "phone", To: "fax"}}
	left := Candidates(current, desired, confirmed, declined)
	if len(left) != 3 || slices.ContainsFunc(left, func(c Candidate) bool { return c.Kind == CandidateColumn }) {
		t.Errorf("left = %v", left)
	}
}

func TestReverseAndMerge(t *testing.T) {
	up := NewRenames()
	up.Tables[pub("users")] = "members"
	up.Columns[pub("members")] = map[string]string{"email": "email_address"}
	up.Constraints[pub("members")] = map[string]string{"a": "b"}
	up.Indexes[pub("i")] = "j"
	up.Enums[pub("mood")] = "feeling"
	up.EnumValues[pub("feeling")] = map[string]string{"ok": "content"}
	down := Reverse(up)
	want := NewRenames()
	want.Tables[pub("members")] = "users"
	want.Columns[pub("users")] = map[string]string{"email_address": "email"}
	want.Constraints[pub("users")] = map[string]string{"b": "a"}
	want.Indexes[pub("j")] = "i"
	want.Enums[pub("feeling")] = "mood"
	want.EnumValues[pub("mood")] = map[string]string{"content": "ok"}
	if !reflect.DeepEqual(down, want) {
		t.Errorf("Reverse = %+v\nwant %+v", down, want)
	}
	if !reflect.DeepEqual(Reverse(down), up) {
		t.Errorf("Reverse is not its own inverse: %+v", Reverse(down))
	}

	other := NewRenames()
	other.Tables[pub("users")] = "people"
	if _, err := Merge(up, other); err == nil {
		t.Error("Merge accepted a table renamed to two names")
	}
	same := NewRenames()
	same.Columns[pub("members")] = map[string]string{"email": "email_address", "x": "y"}
	m, err := Merge(up, same)
	if err != nil || len(m.Columns[pub("members")]) != 2 {
		t.Errorf("Merge = %+v, %v", m, err)
	}
}
