package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/model"
)

// The prompt is tested here with an injected reader, since the scripts run
// autogen without a terminal.

func catalog(t *testing.T, src string) *model.Catalog {
	t.Helper()
	c, err := ddlparse.Parse("schema.sql", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c.Sort()
	return c
}

func TestAskRenames(t *testing.T) {
	current := catalog(t, `CREATE TABLE users (id bigint, email text, phone text);`)
	desired := catalog(t, `CREATE TABLE members (id bigint, email_address text, fax text);`)
	cmp, err := autogenerate.Compare(current, desired, autogenerate.Options{Renames: autogenerate.NewRenames()})
	if err != nil {
		t.Fatal(err)
	}
	// The table is a rename. Its columns email and phone could each have
	// become email_address or fax, so there are four column candidates:
	// confirming email -> email_address settles two of them, declining
	// phone -> fax leaves nothing to ask.
	var out bytes.Buffer
	renames := autogenerate.NewRenames()
	open, err := askRenames(strings.NewReader("y\nyes\nn\n"), &out, cmp, &renames)
	if err != nil || open != nil {
		t.Fatalf("askRenames = %v, %v", open, err)
	}
	wantQuestions := []string{
		"Is table users -> members a rename?",
		"Is column users.email -> email_address a rename?",
		"Is column users.phone -> fax a rename?",
	}
	if got := strings.Count(out.String(), "[y/N]"); got != len(wantQuestions) {
		t.Errorf("asked %d questions, want %d:\n%s", got, len(wantQuestions), out.String())
	}
	for _, q := range wantQuestions {
		if !strings.Contains(out.String(), q) {
			t.Errorf("the prompt never asked %q:\n%s", q, out.String())
		}
	}
	users := model.Name{Schema: "public", Name: "users"}
	members := model.Name{Schema: "public", Name: "members"}
	if renames.Tables[users] != "members" || renames.Columns[members]["email"] != "email_address" || len(renames.Columns[members]) != 1 {
		t.Errorf("renames = %+v", renames)
	}

	// Running out of answers is an error that lists what is still open.
	renames = autogenerate.NewRenames()
	open, err = askRenames(strings.NewReader("y\n"), &out, cmp, &renames)
	if err == nil || len(open) == 0 {
		t.Errorf("askRenames with too few answers = %v, %v", open, err)
	}
}

func TestParseRenames(t *testing.T) {
	current := catalog(t, `
CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('ok', 'v.1');
CREATE TABLE users (id bigint CONSTRAINT id_ok CHECK (id > 0), email text);
CREATE INDEX users_email ON users (email);
`)
	r, err := parseRenames([]string{
		"users=members", "users.email=email_address", "constraint:users.id_ok=id_positive",
		"index:users_email=members_email", "enum:app.mood=feeling", "value:app.mood.v.1=v2",
	}, current)
	if err != nil {
		t.Fatal(err)
	}
	pub := func(n string) model.Name { return model.Name{Schema: "public", Name: n} }
	app := func(n string) model.Name { return model.Name{Schema: "app", Name: n} }
	if r.Tables[pub("users")] != "members" || r.Columns[pub("members")]["email"] != "email_address" ||
		r.Constraints[pub("members")]["id_ok"] != "id_positive" || r.Indexes[pub("users_email")] != "members_email" ||
		r.Enums[app("mood")] != "feeling" || r.EnumValues[app("feeling")]["v.1"] != "v2" {
		t.Errorf("parseRenames = %+v", r)
	}
	for _, bad := range []string{"nope=x", "users.nope=x", "users=a.b", "users", "index:nope=x", "constraint:users.nope=x",
		"enum:nope=x", "value:app.mood.nope=x", "what:users=x"} {
		if _, err := parseRenames([]string{bad}, current); err == nil {
			t.Errorf("parseRenames(%q) succeeded", bad)
		}
	}
}
