package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// load writes autogen.toml with the given text into a new directory and
// loads it.
func load(t *testing.T, text string) (*Config, error) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return Load(dir, Overrides{}, func(string) string { return "" })
}

// TestFleets reads [fleet.NAME] sections: every source and setting, the
// schemas as a string or a list, and the file made absolute.
func TestFleets(t *testing.T) {
	c, err := load(t, `
[fleet.prod]
urls = ["postgres://app:${PW}@db1/shop", "${SHARD2} tenant_*"]
file = "fleet/prod.txt"
query = "SELECT host, port, dbname FROM tenants"
control_url = "${REGISTRY_URL}"
schemas = "tenant_*"
jobs = 8
per_server = 4
canary = 2
max_failures = 0
connect_timeout = "5s"
lock_timeout = "30s"

[fleet.eu]
urls = ["postgres://db-eu/shop"]
schemas = ["a_*", "b_*"]
`)
	if err != nil {
		t.Fatal(err)
	}
	zero := 0
	want := Fleet{
		URLs: []string{"postgres://app:${PW}@db1/shop", "${SHARD2} tenant_*"}, File: filepath.Join(c.Dir, "fleet", "prod.txt"),
		Query: "SELECT host, port, dbname FROM tenants", ControlURL: "${REGISTRY_URL}", Schemas: Patterns{"tenant_*"},
		Jobs: 8, PerServer: 4, Canary: 2, MaxFailures: &zero, ConnectTimeout: "5s", LockTimeout: "30s",
	}
	if got, err := c.Fleet("prod"); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("prod = %+v, %v\nwant %+v", got, err, want)
	}
	if got, _ := c.Fleet("eu"); !reflect.DeepEqual(got.Schemas, Patterns{"a_*", "b_*"}) || got.MaxFailures != nil {
		t.Errorf("eu = %+v", got)
	}
	if _, err := c.Fleet("us"); err == nil || !strings.Contains(err.Error(), `no fleet "us" (defined: eu, prod)`) {
		t.Errorf("an unknown fleet: %v", err)
	}
}

// TestFleetErrors checks that a broken fleet is reported with its name.
func TestFleetErrors(t *testing.T) {
	for _, tt := range []struct{ text, msg string }{
		{"[fleet.x]\njobs = 2\n", "[fleet.x]: no targets"},
		{"[fleet.x]\nquery = \"SELECT 1\"\n", "query needs control_url"},
		{"[fleet.x]\nurls = [\"postgres://a/b\"]\ncontrol_url = \"postgres://c/d\"\n", "control_url is only used by query"},
		{"[fleet.x]\nurls = [\"postgres://a/b\"]\ncanary = -1\n", "must not be negative"},
		{"[fleet.x]\nurls = [\"postgres://a/b\"]\nlock_timeout = \"soon\"\n", `lock_timeout must be a positive duration`},
		{"[fleet.x]\nurls = [\"postgres://a/b\"]\nschemas = 3\n", "schemas must be a string or a list"},
		{"[fleet.x]\nurl = [\"postgres://a/b\"]\n", "unknown key fleet.x.url"},
	} {
		_, err := load(t, tt.text)
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%q: %v, want %q", tt.text, err, tt.msg)
		}
	}
}
