package runner

import (
	"bytes"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/internal/pgtest"
)

// TestSchemas drives --schemas through a multi-tenant deployment (seed
// example 80): a failing tenant stops the run or, with
// --continue-on-error, is reported while the others go on; once fixed, the
// next run finishes it; status and current read the tenants.
func TestSchemas(t *testing.T) {
	url := pgtest.NewDB(t)
	// tenant_b already has a t2, so creating it fails there.
	pgtest.Exec(t, url, "CREATE SCHEMA tenant_a; CREATE SCHEMA tenant_b; CREATE SCHEMA tenant_c; CREATE SCHEMA other; CREATE TABLE tenant_b.t2 (x int)")
	reg := threeTables
	upgrade := func(args ...string) (string, int) {
		t.Helper()
		var stderr bytes.Buffer
		_, code := run(t, reg(), url, &stderr, nil, append([]string{"upgrade", "head", "--schemas", "tenant_*"}, args...))
		return normalize(stderr.String()), code
	}

	out, code := upgrade()
	if code != 8 {
		t.Fatalf("upgrade exited %d, want 8:\n%s", code, out)
	}
	want := `Schema tenant_a (1/3)
Running upgrade  -> a1, first (1/3)
  done a1 in TIME
Running upgrade a1 -> b2, second (2/3)
  done b2 in TIME
Running upgrade b2 -> c3, third (3/3)
  done c3 in TIME
Schema tenant_b (2/3)
Running upgrade  -> a1, first (1/3)
  done a1 in TIME
Running upgrade a1 -> b2, second (2/3)
  failed b2 after TIME
Failed: 1 of 3 schema(s) upgraded; failed: tenant_b; 1 not tried (--continue-on-error goes on after a failure)
Error: schema tenant_b: upgrade a1 -> b2, second failed: ERROR: relation "t2" already exists (SQLSTATE 42P07)
`
	if !strings.HasPrefix(out, want) {
		t.Errorf("stopping at the first failure:\n%s\nwant:\n%s", out, want)
	}

	out, code = upgrade("--continue-on-error")
	if code != 8 {
		t.Fatalf("upgrade --continue-on-error exited %d, want 8:\n%s", code, out)
	}
	for _, want := range []string{
		"Schema tenant_a (1/3)\n  nothing to do\nSchema tenant_b (2/3)\nRunning upgrade a1 -> b2, second (1/2)\n  failed b2 after TIME\n",
		"Schema tenant_c (3/3)\nRunning upgrade  -> a1, first (1/3)\n",
		"Failed: 2 of 3 schema(s) upgraded; failed: tenant_b\nError: schema tenant_b: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("continuing after a failure: output lacks\n%s\nin:\n%s", want, out)
		}
	}

	// status reads every tenant; tenant_b is behind.
	var stderr bytes.Buffer
	stdout, code := run(t, reg(), url, &stderr, nil, []string{"status", "--schemas", "tenant_*,other", "--format", "json"})
	wantJSON := `{
  "heads": [
    "c3"
  ],
  "schemas": [
    {
      "schema": "other",
      "current": [],
      "pending": 3,
      "at_head": false
    },
    {
      "schema": "tenant_a",
      "current": [
        "c3"
      ],
      "pending": 0,
      "at_head": true
    },
    {
      "schema": "tenant_b",
      "current": [
        "a1"
      ],
      "pending": 2,
      "at_head": false
    },
    {
      "schema": "tenant_c",
      "current": [
        "c3"
      ],
      "pending": 0,
      "at_head": true
    }
  ],
  "at_head": false
}
`
	if code != 1 || stdout != wantJSON {
		t.Errorf("status --schemas exited %d (want 1):\n%s\nwant:\n%s", code, stdout, wantJSON)
	}

	// Fixed, the next run finishes tenant_b only.
	pgtest.Exec(t, url, "DROP TABLE tenant_b.t2")
	out, code = upgrade()
	if code != 0 || !strings.Contains(out, "Schema tenant_c (3/3)\n  nothing to do\nDone: 3 schema(s) upgraded\n") {
		t.Errorf("upgrade after the fix exited %d:\n%s", code, out)
	}
	stdout, code = run(t, reg(), url, &stderr, nil, []string{"status", "--schemas", "tenant_*"})
	if want := "heads: c3\ntenant_a: current c3, pending 0\ntenant_b: current c3, pending 0\ntenant_c: current c3, pending 0\n"; code != 0 || stdout != want {
		t.Errorf("status --schemas exited %d:\n%s\nwant:\n%s", code, stdout, want)
	}

	// One tenant at a time: downgrade, current.
	if _, code := run(t, reg(), url, &stderr, nil, []string{"downgrade", "-1", "--schemas", "tenant_c"}); code != 0 {
		t.Fatalf("downgrade --schemas tenant_c exited %d: %s", code, stderr.String())
	}
	stdout, _ = run(t, reg(), url, &stderr, nil, []string{"current", "--schemas", "tenant_c"})
	if stdout != "b2\n" {
		t.Errorf("current --schemas tenant_c = %q, want b2", stdout)
	}
	if rows := pgtest.Query(t, url, "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('public', 'other') ORDER BY 1"); len(rows) != 0 {
		t.Errorf("tables outside the tenants: %q", rows)
	}

	// Mistakes: a pattern where one tenant is needed, and a pattern that
	// matches nothing.
	stderr.Reset()
	if _, code := run(t, reg(), url, &stderr, nil, []string{"current", "--schemas", "tenant_*"}); code != 2 ||
		!strings.Contains(stderr.String(), "current works on one tenant") {
		t.Errorf("current with a pattern exited %d: %s", code, stderr.String())
	}
	stderr.Reset()
	if _, code := run(t, reg(), url, &stderr, nil, []string{"upgrade", "--schemas", "tenatn_*"}); code != 7 ||
		!strings.Contains(stderr.String(), "no schema matches tenatn_*") {
		t.Errorf("upgrade of no schema exited %d: %s", code, stderr.String())
	}
}

// TestSchemasOffline checks upgrade --sql for one tenant: the version table
// in the schema and the search_path set in each transaction.
func TestSchemasOffline(t *testing.T) {
	var stderr bytes.Buffer
	stdout, code := run(t, threeTables(), "", &stderr, nil, []string{"upgrade", "+1", "--sql", "--schemas", "tenant_x"})
	want := `CREATE TABLE IF NOT EXISTS tenant_x.autogen_version (version_num character varying(32) NOT NULL, CONSTRAINT autogen_version_pkc PRIMARY KEY (version_num));
-- Running upgrade  -> a1, first
BEGIN;
SET LOCAL search_path TO tenant_x;
CREATE TABLE t1 (
    id integer
);
INSERT INTO tenant_x.autogen_version (version_num) VALUES ('a1');
COMMIT;

`
	if code != 0 || stdout != want {
		t.Errorf("upgrade --sql --schemas exited %d: %s\n%s\nwant:\n%s", code, stderr.String(), stdout, want)
	}
}

// query runs a query returning one text column on the database at url.
