// Package scope decides which schemas and tables autogen manages. Both
// schema readers apply the same [Filter], so an object left out on one side
// is left out on the other.
package scope

import (
	"fmt"
	"path"
	"strings"
)

// Filter selects schemas and tables by glob patterns (path.Match syntax:
// *, ?, [abc]). The zero Filter includes everything but the system schemas.
//
// A schema is in scope when it is not a system schema, matches an
// IncludeSchemas pattern (or IncludeSchemas is empty) and matches no
// ExcludeSchemas pattern. A table (or view, or sequence) is in scope when
// its schema is, it is not the version table, it matches an IncludeTables
// pattern (or IncludeTables is empty) and it matches no ExcludeTables
// pattern. Table patterns without a dot match the name in any schema;
// "schema.name" patterns match the qualified name.
type Filter struct {
	IncludeSchemas []string
	ExcludeSchemas []string
	IncludeTables  []string
	ExcludeTables  []string
	// VersionTable is the qualified name ("public.autogen_version") of the
	// table autogen records applied revisions in; it is never managed. An
	// unqualified name means the table in any schema.
	VersionTable string
}

// Validate reports a malformed pattern.
func (f *Filter) Validate() error {
	if f == nil {
		return nil
	}
	for _, list := range [][]string{f.IncludeSchemas, f.ExcludeSchemas, f.IncludeTables, f.ExcludeTables} {
		for _, p := range list {
			if _, err := path.Match(p, ""); err != nil {
				return fmt.Errorf("scope: bad pattern %q: %w", p, err)
			}
		}
	}
	return nil
}

// VersionSchema returns the schema of the version table when it has one of
// its own (VersionTable is qualified, and not in public), or "". That
// schema belongs to the runtime, which creates it together with the
// version table: autogenerate never creates, drops or compares it. Other
// tables in it are managed as usual.
func (f *Filter) VersionSchema() string {
	if f == nil {
		return ""
	}
	schema, _, ok := strings.Cut(f.VersionTable, ".")
	if !ok || schema == "public" {
		return ""
	}
	return schema
}

// IsSystemSchema reports whether a schema belongs to PostgreSQL itself:
// pg_catalog, information_schema, pg_toast and the temporary schemas.
func IsSystemSchema(name string) bool {
	return name == "pg_catalog" || name == "information_schema" ||
		strings.HasPrefix(name, "pg_toast") || strings.HasPrefix(name, "pg_temp_")
}

// Schema reports whether the schema is in scope.
func (f *Filter) Schema(name string) bool {
	if IsSystemSchema(name) {
		return false
	}
	if f == nil {
		return true
	}
	if len(f.IncludeSchemas) > 0 && !matchAny(f.IncludeSchemas, name) {
		return false
	}
	return !matchAny(f.ExcludeSchemas, name)
}

// Table reports whether the table, view or sequence schema.name is in scope.
func (f *Filter) Table(schema, name string) bool {
	if !f.Schema(schema) {
		return false
	}
	if f == nil {
		return true
	}
	if f.VersionTable != "" && matchName(f.VersionTable, schema, name, false) {
		return false
	}
	if len(f.IncludeTables) > 0 && !matchTables(f.IncludeTables, schema, name) {
		return false
	}
	return !matchTables(f.ExcludeTables, schema, name)
}

func matchAny(patterns []string, s string) bool {
	for _, p := range patterns {
		if ok, _ := path.Match(p, s); ok {
			return true
		}
	}
	return false
}

func matchTables(patterns []string, schema, name string) bool {
	for _, p := range patterns {
		if matchName(p, schema, name, true) {
			return true
		}
	}
	return false
}

// matchName matches "name" or "schema.name" patterns; glob says whether
// wildcards apply.
func matchName(pattern, schema, name string, glob bool) bool {
	eq := func(p, s string) bool {
		if !glob {
			return p == s
		}
		ok, _ := path.Match(p, s)
		return ok
	}
	if sp, np, ok := strings.Cut(pattern, "."); ok {
		return eq(sp, schema) && eq(np, name)
	}
	return eq(pattern, name)
}
