// Package scope decides which objects autogen manages, and which of their
// attributes it compares. Both schema readers apply the same [Filter], so
// an object left out on one side is left out on the other; [Filter.Ignore]
// rules make chosen attributes of chosen objects take the database's value
// before the comparison (Alembic's include_object and custom comparators).
package scope

import (
	"fmt"
	"path"
	"strings"

	"github.com/autogen-dev/autogen/model"
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
//
// Include and Exclude hold patterns over objects of every kind (see
// [Pattern]): "public.legacy_*" names tables, views, sequences, types and
// functions alike, "function:public.legacy_*" functions only. An object is
// in scope when its schema (and, for a table's index, trigger, policy,
// column or constraint, its table) is, when no Include pattern applies to
// its kind or one matches it, and when no Exclude pattern matches it.
type Filter struct {
	IncludeSchemas []string
	ExcludeSchemas []string
	IncludeTables  []string
	ExcludeTables  []string
	Include        []string
	Exclude        []string
	// Ignore lists attributes autogen leaves as the database has them.
	Ignore []IgnoreRule
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
	for _, list := range [][]string{f.Include, f.Exclude} {
		if _, err := patterns(list); err != nil {
			return err
		}
	}
	for _, r := range f.Ignore {
		if err := r.validate(); err != nil {
			return err
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

// Object reports whether an object of the kind is in scope; name holds its
// schema and name, and for a member of a table (column, constraint,
// trigger, policy) or of a domain (domain constraint) the schema, the
// table or domain and its own name. A schema is named by itself, an
// extension by its schema and name.
func (f *Filter) Object(k model.Kind, name ...string) bool {
	switch {
	case k == model.KindSchema:
		if !f.Schema(name[0]) {
			return false
		}
	case k == model.KindTable || k == model.KindView || k == model.KindMatView || k == model.KindSequence:
		if !f.Table(name[0], name[1]) {
			return false
		}
	case k == model.KindDomainCheck:
		if !f.Object(model.KindDomain, name[0], name[1]) {
			return false
		}
	case k.Info().Member:
		// They go with their table.
		if !f.Object(model.KindTable, name[0], name[1]) {
			return false
		}
	default:
		if !f.Schema(name[0]) {
			return false
		}
	}
	if f == nil || len(f.Include)+len(f.Exclude) == 0 {
		return true
	}
	if k == model.KindExtension {
		// An extension is named by its name alone.
		name = name[1:]
	}
	include, _ := patterns(f.Include)
	applies, matched := false, false
	for _, p := range include {
		if p.AppliesTo(k) {
			applies = true
			matched = matched || p.Match(k, name...)
		}
	}
	if applies && !matched {
		return false
	}
	exclude, _ := patterns(f.Exclude)
	for _, p := range exclude {
		if p.Match(k, name...) {
			return false
		}
	}
	return true
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
