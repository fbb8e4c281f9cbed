package scope

import (
	"fmt"
	"path"
	"slices"
	"strings"
)

// Kind names a kind of object in scope patterns ("function:public.legacy_*")
// and ignore rules. The names are the ones the model's object kinds go by;
// when the model declares its kinds once (one table of kind descriptors),
// this list should be read from it.
type Kind string

// The kinds of objects patterns can name. Objects of the first group are
// named "schema.name" (a schema or an extension by its name alone); the
// second group belongs to a table and is named "schema.table.name".
const (
	KindSchema           Kind = "schema"
	KindExtension        Kind = "extension"
	KindCollation        Kind = "collation"
	KindEnum             Kind = "enum"
	KindDomain           Kind = "domain"
	KindComposite        Kind = "composite"
	KindSequence         Kind = "sequence"
	KindFunction         Kind = "function"
	KindProcedure        Kind = "procedure"
	KindTable            Kind = "table"
	KindView             Kind = "view"
	KindMaterializedView Kind = "materialized_view"
	KindIndex            Kind = "index"

	KindColumn     Kind = "column"
	KindConstraint Kind = "constraint"
	KindTrigger    Kind = "trigger"
	KindPolicy     Kind = "policy"
)

// Kinds lists every kind a pattern may name.
var Kinds = []Kind{KindSchema, KindExtension, KindCollation, KindEnum, KindDomain, KindComposite, KindSequence,
	KindFunction, KindProcedure, KindTable, KindView, KindMaterializedView, KindIndex,
	KindColumn, KindConstraint, KindTrigger, KindPolicy}

// aliases are the prefixes that name several kinds at once.
var aliases = map[string][]Kind{
	// A type is any user-defined type.
	"type": {KindEnum, KindDomain, KindComposite},
	// Functions and procedures share one namespace (routines).
	"routine": {KindFunction, KindProcedure},
	"matview": {KindMaterializedView},
}

// levels returns how many dot-separated parts name an object of the kind.
func (k Kind) levels() int {
	switch k {
	case KindSchema, KindExtension:
		return 1
	case KindColumn, KindConstraint, KindTrigger, KindPolicy:
		return 3
	}
	return 2
}

// Pattern is one scope pattern: an optional "kind:" prefix and a glob
// (path.Match syntax: *, ?, [abc]) over the object's name. A pattern
// without a kind applies to objects of every kind.
//
// Names are matched part by part from the right, so a pattern with fewer
// parts than the kind's full name matches in any schema (and any table):
// "legacy_*" matches public.legacy_fn and app.legacy_enum, "orders.note"
// the column note of every table named orders, "public.*.updated_at" the
// updated_at column of every table of public.
type Pattern struct {
	// Kinds are the kinds the pattern applies to; nil means every kind.
	Kinds []Kind
	// Parts are the dot-separated globs, outermost first.
	Parts []string
	// Text is the pattern as written.
	Text string
}

// ParsePattern reads "kind:glob" or "glob".
func ParsePattern(s string) (Pattern, error) {
	p := Pattern{Text: s}
	glob := s
	if prefix, rest, ok := strings.Cut(s, ":"); ok {
		kinds, err := kindsOf(prefix)
		if err != nil {
			return p, fmt.Errorf("scope: pattern %q: %w", s, err)
		}
		p.Kinds, glob = kinds, rest
	}
	if glob == "" {
		return p, fmt.Errorf("scope: pattern %q names nothing", s)
	}
	p.Parts = strings.Split(glob, ".")
	for _, part := range p.Parts {
		if _, err := path.Match(part, ""); err != nil {
			return p, fmt.Errorf("scope: bad pattern %q: %w", s, err)
		}
	}
	max := 0
	for _, k := range p.kinds() {
		max = slices.Max([]int{max, k.levels()})
	}
	if len(p.Parts) > max {
		return p, fmt.Errorf("scope: pattern %q has more parts than a name of its kind", s)
	}
	return p, nil
}

// kindsOf resolves a kind prefix.
func kindsOf(prefix string) ([]Kind, error) {
	prefix = strings.ToLower(strings.TrimSpace(prefix))
	if ks, ok := aliases[prefix]; ok {
		return ks, nil
	}
	for _, k := range Kinds {
		if string(k) == prefix {
			return []Kind{k}, nil
		}
	}
	names := make([]string, 0, len(Kinds)+len(aliases))
	for _, k := range Kinds {
		names = append(names, string(k))
	}
	for a := range aliases {
		names = append(names, a)
	}
	slices.Sort(names)
	return nil, fmt.Errorf("unknown kind %q (known: %s)", prefix, strings.Join(names, ", "))
}

func (p Pattern) kinds() []Kind {
	if p.Kinds == nil {
		return Kinds
	}
	return p.Kinds
}

// AppliesTo reports whether the pattern names objects of the kind. A
// pattern without a kind names the objects that have a schema-level name;
// a table's columns, constraints, triggers and policies are named only by
// patterns of their kind (and go with their table).
func (p Pattern) AppliesTo(k Kind) bool {
	if p.Kinds == nil {
		return k.levels() < 3
	}
	return slices.Contains(p.Kinds, k)
}

// Match reports whether the pattern matches an object of the kind named by
// its parts, outermost first ("public", "orders", "note" for a column).
func (p Pattern) Match(k Kind, name ...string) bool {
	if !p.AppliesTo(k) || len(p.Parts) > len(name) {
		return false
	}
	off := len(name) - len(p.Parts)
	for i, g := range p.Parts {
		if ok, _ := path.Match(g, name[off+i]); !ok {
			return false
		}
	}
	return true
}

// patterns parses a list of patterns.
func patterns(list []string) ([]Pattern, error) {
	out := make([]Pattern, 0, len(list))
	for _, s := range list {
		p, err := ParsePattern(s)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}
