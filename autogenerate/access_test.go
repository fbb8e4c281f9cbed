package autogenerate

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/model"
)

// loaded loads SQL into a new database and returns its URL and what the
// catalog reader reads of it.
func loaded(t *testing.T, sql string) (string, *model.Catalog) {
	t.Helper()
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, sql)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	current, err := ReadCurrent(ctx, conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	return url, current
}

// compareOn loads db.sql into a new database and compares it with
// schema.sql under the given management of owners and privileges.
func compareOn(t *testing.T, db, schema string, a Access) (*Result, error) {
	t.Helper()
	_, current := loaded(t, db)
	desired, err := ddlparse.Parse("schema.sql", []byte(schema))
	if err != nil {
		t.Fatal(err)
	}
	return Compare(current, desired, Options{Access: a})
}

// TestMissingRoleIsAnErrorAtItsLine checks that a role schema.sql names
// and the cluster lacks stops the comparison, naming the file and line:
// roles are never created by a revision.
func TestMissingRoleIsAnErrorAtItsLine(t *testing.T) {
	_, err := compareOn(t, "", "CREATE TABLE t (a int);\nGRANT SELECT ON t TO autogen_reader;\nALTER TABLE t OWNER TO no_such_role_here;\n", Access{})
	var re *RoleError
	if !errors.As(err, &re) || !strings.Contains(err.Error(), `schema.sql:3:24: role "no_such_role_here" does not exist`) ||
		strings.Contains(err.Error(), "autogen_reader") {
		t.Fatalf("got %v, want a RoleError naming schema.sql:3:24 and only the missing role", err)
	}
}

// TestWhatIsManaged checks the management modes of autogen.toml: by
// default only the privileges of the roles schema.sql names and the owners
// it sets; "all" every role's; "none" none at all.
func TestWhatIsManaged(t *testing.T) {
	db := `CREATE TABLE t (a int);
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
GRANT SELECT ON t TO autogen_writer;
GRANT INSERT ON t TO autogen_reader;
ALTER TABLE t OWNER TO autogen_owner;`
	schema := `CREATE TABLE t (a int);
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
GRANT SELECT ON t TO autogen_reader;
ALTER FUNCTION f() OWNER TO autogen_owner;`
	for _, c := range []struct {
		access Access
		want   []string
	}{
		{Access{}, []string{
			"owner of function 'f()': 'postgres' -> 'autogen_owner'",
			"granted SELECT to autogen_reader, revoked INSERT from autogen_reader on table 't'",
		}},
		{Access{Privileges: All}, []string{
			"owner of function 'f()': 'postgres' -> 'autogen_owner'",
			"granted SELECT to autogen_reader, revoked INSERT from autogen_reader, revoked SELECT from autogen_writer on table 't'",
		}},
		{Access{Privileges: None, Owners: None}, nil},
		{Access{Owners: None}, []string{
			"granted SELECT to autogen_reader, revoked INSERT from autogen_reader on table 't'",
		}},
	} {
		res, err := compareOn(t, db, schema, c.access)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ch := range res.Up {
			got = append(got, ch.Describe())
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%+v:\ngot  %q\nwant %q", c.access, got, c.want)
		}
	}
}

// TestNoGrantNoPrivilegeChange checks the promise of the default: a
// schema.sql that writes no GRANT and no OWNER TO sees no privilege or
// owner change, whatever the database holds.
func TestNoGrantNoPrivilegeChange(t *testing.T) {
	res, err := compareOn(t, `CREATE SCHEMA app AUTHORIZATION autogen_owner;
CREATE TABLE app.t (a int);
GRANT ALL ON app.t TO autogen_writer;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO autogen_reader;`, "CREATE SCHEMA app;\nCREATE TABLE app.t (a int);\n", Access{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.InSync() {
		t.Errorf("changes: %s", model.Dump(res.Desired))
	}
}
