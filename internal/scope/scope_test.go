package scope

import "testing"

func TestFilter(t *testing.T) {
	f := &Filter{
		ExcludeSchemas: []string{"audit*"},
		ExcludeTables:  []string{"tmp_*", "app.cache"},
		VersionTable:   "public.autogen_version",
	}
	schemas := map[string]bool{
		"public": true, "app": true, "audit": false, "audit_log": false,
		"pg_catalog": false, "information_schema": false, "pg_toast": false, "pg_temp_3": false,
	}
	for s, want := range schemas {
		if got := f.Schema(s); got != want {
			t.Errorf("Schema(%q) = %v, want %v", s, got, want)
		}
	}
	tables := []struct {
		schema, name string
		want         bool
	}{
		{"public", "users", true},
		{"public", "tmp_x", false},
		{"app", "tmp_y", false},
		{"app", "cache", false},
		{"public", "cache", true},
		{"public", "autogen_version", false},
		{"app", "autogen_version", true},
		{"audit", "users", false},
	}
	for _, c := range tables {
		if got := f.Table(c.schema, c.name); got != c.want {
			t.Errorf("Table(%q, %q) = %v, want %v", c.schema, c.name, got, c.want)
		}
	}
}

func TestFilterInclude(t *testing.T) {
	f := &Filter{IncludeSchemas: []string{"app"}, IncludeTables: []string{"user*"}}
	if f.Schema("public") || !f.Schema("app") {
		t.Error("IncludeSchemas not applied")
	}
	if !f.Table("app", "users") || f.Table("app", "orders") {
		t.Error("IncludeTables not applied")
	}
}

func TestNilFilter(t *testing.T) {
	var f *Filter
	if !f.Schema("public") || f.Schema("pg_catalog") || !f.Table("public", "t") {
		t.Error("nil filter must include everything but system schemas")
	}
}

func TestValidate(t *testing.T) {
	if err := (&Filter{ExcludeTables: []string{"["}}).Validate(); err == nil {
		t.Error("want an error for a malformed pattern")
	}
	if err := (&Filter{ExcludeTables: []string{"a*"}}).Validate(); err != nil {
		t.Error(err)
	}
}

// TestVersionSchema: a version table in a schema of its own gives that
// schema to the runtime; one in public, or unqualified, gives none.
func TestVersionSchema(t *testing.T) {
	for table, want := range map[string]string{"meta.schema_version": "meta", "public.autogen_version": "", "autogen_version": "", "": ""} {
		if got := (&Filter{VersionTable: table}).VersionSchema(); got != want {
			t.Errorf("VersionSchema of %q = %q, want %q", table, got, want)
		}
	}
	var f *Filter
	if f.VersionSchema() != "" {
		t.Error("a nil filter has a version schema")
	}
}
