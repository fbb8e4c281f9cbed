package scope

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/model"
)

// The kinds patterns name are the model's (model.Kind, declared once in
// package model): a pattern's prefix is the kind's name, with an
// underscore for a space ("materialized_view:", "domain_constraint:"),
// or one of these aliases for several kinds.
var aliases = map[string][]model.Kind{
	// A type is any user-defined type (the model calls a composite type
	// "type").
	"type":      {model.KindEnum, model.KindDomain, model.KindComposite},
	"composite": {model.KindComposite},
	// Functions and procedures share one namespace (routines).
	"routine": {model.KindFunction, model.KindProcedure},
	"matview": {model.KindMatView},
}

// kindPrefix spells a kind's name as a pattern prefix.
func kindPrefix(k model.Kind) string { return strings.ReplaceAll(k.String(), " ", "_") }

// levels returns how many dot-separated parts name an object of the kind:
// a schema or an extension by its name, a member of a table (or domain)
// by schema, table and name, anything else by schema and name.
func levels(k model.Kind) int {
	switch {
	case k == model.KindSchema || k == model.KindExtension:
		return 1
	case k.Info().Member:
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
	Kinds []model.Kind
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
		max = slices.Max([]int{max, levels(k)})
	}
	if len(p.Parts) > max {
		return p, fmt.Errorf("scope: pattern %q has more parts than a name of its kind", s)
	}
	return p, nil
}

// kindsOf resolves a kind prefix.
func kindsOf(prefix string) ([]model.Kind, error) {
	prefix = strings.ToLower(strings.TrimSpace(prefix))
	if ks, ok := aliases[prefix]; ok {
		return ks, nil
	}
	for _, k := range model.Kinds() {
		if kindPrefix(k) == strings.ReplaceAll(prefix, " ", "_") {
			return []model.Kind{k}, nil
		}
	}
	var names []string
	for _, k := range model.Kinds() {
		names = append(names, kindPrefix(k))
	}
	for a := range aliases {
		names = append(names, a)
	}
	slices.Sort(names)
	return nil, fmt.Errorf("unknown kind %q (known: %s)", prefix, strings.Join(names, ", "))
}

func (p Pattern) kinds() []model.Kind {
	if p.Kinds == nil {
		return model.Kinds()
	}
	return p.Kinds
}

// AppliesTo reports whether the pattern names objects of the kind. A
// pattern without a kind names the objects that have a schema-level name;
// a table's columns, constraints, triggers and policies are named only by
// patterns of their kind (and go with their table).
func (p Pattern) AppliesTo(k model.Kind) bool {
	if p.Kinds == nil {
		return levels(k) < 3
	}
	return slices.Contains(p.Kinds, k)
}

// Match reports whether the pattern matches an object of the kind named by
// its parts, outermost first ("public", "orders", "note" for a column).
func (p Pattern) Match(k model.Kind, name ...string) bool {
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
