package diff

import (
	"strings"

	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
)

// mentions reports whether SQL text (a type, a signature) names the object
// n, as PostgreSQL renders qualified names.
func mentions(text string, n model.Name) bool {
	q := op.QualifiedName(n.Schema, n.Name)
	for i := 0; ; {
		j := strings.Index(text[i:], q)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(q)
		if boundary(text, start-1) && boundary(text, end) {
			return true
		}
		i = start + 1
	}
}

// boundary reports whether text[i] (or the string's edge) cannot be part of
// an identifier.
func boundary(text string, i int) bool {
	if i < 0 || i >= len(text) {
		return true
	}
	c := text[i]
	return !(c == '_' || c == '"' || c == '.' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80)
}

// typeNames returns the catalog objects usable as types (tables, views,
// composites, domains, enums) that the type texts name.
func typeNames(cat *model.Catalog, types []string) []string {
	var out []string
	check := func(n model.Name) {
		for _, t := range types {
			if mentions(t, n) {
				out = append(out, n.String())
				return
			}
		}
	}
	for _, t := range cat.Tables {
		check(t.Name)
	}
	for _, v := range cat.Views {
		check(v.Name)
	}
	for _, c := range cat.Composites {
		check(c.Name)
	}
	for _, d := range cat.Domains {
		check(d.Name)
	}
	for _, e := range cat.Enums {
		check(e.Name)
	}
	return out
}

// signatureTypes returns the argument and result types of a function.
func signatureTypes(f *model.Function) []string {
	out := []string{f.Returns}
	for _, a := range f.Args {
		out = append(out, a.Type)
	}
	return out
}

// typeRefs returns the relations (tables, views) a function's signature
// names; such a function can only exist while they do.
func typeRefs(cat *model.Catalog, f *model.Function) []string {
	var out []string
	types := signatureTypes(f)
	for _, t := range cat.Tables {
		for _, ty := range types {
			if mentions(ty, t.Name) {
				out = append(out, t.Name.String())
				break
			}
		}
	}
	for _, v := range cat.Views {
		for _, ty := range types {
			if mentions(ty, v.Name) {
				out = append(out, v.Name.String())
				break
			}
		}
	}
	return out
}

// standardBody reports whether a function has a SQL-standard body (RETURN
// or BEGIN ATOMIC), which PostgreSQL analyses at creation, recording what it
// uses: those objects must exist first and cannot be dropped before it.
func standardBody(f *model.Function) bool {
	return strings.EqualFold(f.Language, "sql") && (strings.HasPrefix(f.Body.SQL, "RETURN ") || strings.HasPrefix(f.Body.SQL, "BEGIN ATOMIC"))
}

// isLate reports whether a function must be created after tables and views
// (and dropped before them): its signature names one, or its SQL-standard
// body reads one, directly or through another late function. Other
// functions come early, since defaults, checks and indexes may call them.
func isLate(cat *model.Catalog, f *model.Function) bool {
	return lateFunc(cat, f, map[string]bool{})
}

func lateFunc(cat *model.Catalog, f *model.Function, seen map[string]bool) bool {
	if seen[f.Signature()] {
		return false
	}
	seen[f.Signature()] = true
	if len(typeRefs(cat, f)) > 0 {
		return true
	}
	if !standardBody(f) {
		return false
	}
	for _, t := range cat.Tables {
		if mentions(f.Body.SQL, t.Name) {
			return true
		}
	}
	for _, v := range cat.Views {
		if mentions(f.Body.SQL, v.Name) {
			return true
		}
	}
	for _, g := range cat.Functions {
		if g != f && mentions(f.Body.SQL, g.Name) && lateFunc(cat, g, seen) {
			return true
		}
	}
	return false
}

// functionDeps returns what a function needs to exist first: the relations
// its signature names and, for a SQL-standard body, the tables, views and
// functions the body mentions.
func functionDeps(cat *model.Catalog, f *model.Function) []string {
	out := typeRefs(cat, f)
	if !standardBody(f) {
		return out
	}
	body := f.Body.SQL
	for _, t := range cat.Tables {
		if mentions(body, t.Name) {
			out = append(out, t.Name.String())
		}
	}
	for _, v := range cat.Views {
		if mentions(body, v.Name) {
			out = append(out, v.Name.String())
		}
	}
	for _, g := range cat.Functions {
		if g.Name != f.Name && mentions(body, g.Name) {
			out = append(out, g.Name.String())
		}
	}
	return out
}

// mentionsIdent reports whether SQL text contains the identifier name as a
// token, quoted or bare. It errs towards yes (a string literal that happens
// to hold the name counts), which only costs an unneeded recreation.
func mentionsIdent(text, name string) bool {
	for _, q := range []string{op.QuoteIdent(name), `"` + strings.ReplaceAll(name, `"`, `""`) + `"`} {
		for i := 0; ; {
			j := strings.Index(text[i:], q)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(q)
			if (boundary(text, start-1) || text[start-1] == '.') && boundary(text, end) {
				return true
			}
			i = start + 1
		}
	}
	return false
}
