package introspect_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/introspect"
)

// TestInspectUnsupportedPrivileges checks that privileges the model cannot
// hold make Inspect fail, naming the object, rather than vanish.
func TestInspectUnsupportedPrivileges(t *testing.T) {
	for _, c := range []struct{ name, sql, want string }{
		{"identity sequence", `CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY);
			GRANT USAGE ON SEQUENCE t_id_seq TO autogen_reader;`,
			"column public.t.id (privileges on the sequence of an identity column are not supported)"},
		{"revoked from the owner", `CREATE TABLE t (id int); REVOKE DELETE ON t FROM CURRENT_USER;`,
			"privileges revoked from the owner are not supported"},
		{"granted by another role", `CREATE TABLE t (id int); GRANT SELECT ON t TO autogen_writer WITH GRANT OPTION;
			SET ROLE autogen_writer; GRANT SELECT ON t TO autogen_reader; RESET ROLE;`,
			"autogen_writer granted SELECT to autogen_reader: grants by a role other than the owner are not supported"},
		{"column of a view", `CREATE VIEW v AS SELECT 1 AS a; GRANT SELECT (a) ON v TO autogen_reader;`,
			"column public.v.a (privileges on a column of a view are not supported)"},
		{"column of a foreign table", `CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w;
			CREATE FOREIGN TABLE ft (a int) SERVER s; GRANT SELECT (a) ON ft TO autogen_reader;`,
			"column privileges on foreign table public.ft"},
	} {
		t.Run(c.name, func(t *testing.T) {
			conn := connect(t, c.sql)
			_, err := introspect.Inspect(context.Background(), conn)
			var u *introspect.UnsupportedError
			if !errors.As(err, &u) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an UnsupportedError with %q", err, c.want)
			}
		})
	}
}
