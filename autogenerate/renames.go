package autogenerate

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
)

// NewRenames returns an empty set of renames with every map allocated.
func NewRenames() diff.Renames {
	return diff.Renames{
		Tables: map[model.Name]string{}, Columns: map[model.Name]map[string]string{},
		Indexes: map[model.Name]string{}, Constraints: map[model.Name]map[string]string{},
		Enums: map[model.Name]string{}, EnumValues: map[model.Name]map[string]string{},
	}
}

func put(m map[model.Name]map[string]string, k model.Name, old, n string) {
	if m[k] == nil {
		m[k] = map[string]string{}
	}
	m[k][old] = n
}

// Reverse turns renames from current names into renames from the new names
// back, for the downgrade.
func Reverse(r diff.Renames) diff.Renames {
	out := NewRenames()
	for t, n := range r.Tables {
		out.Tables[model.Name{Schema: t.Schema, Name: n}] = t.Name
	}
	for e, n := range r.Enums {
		out.Enums[model.Name{Schema: e.Schema, Name: n}] = e.Name
	}
	for ix, n := range r.Indexes {
		out.Indexes[model.Name{Schema: ix.Schema, Name: n}] = ix.Name
	}
	// Members are keyed by their container's new name on the way up, and
	// by its old name (the one the downgrade's source has) on the way down,
	// since the down diff renames the container first.
	back := func(renamed map[model.Name]string, k model.Name) model.Name {
		for old, n := range renamed {
			if (model.Name{Schema: old.Schema, Name: n}) == k {
				return old
			}
		}
		return k
	}
	for _, m := range []struct {
		from, to  map[model.Name]map[string]string
		container map[model.Name]string
	}{{r.Columns, out.Columns, r.Tables}, {r.Constraints, out.Constraints, r.Tables}, {r.EnumValues, out.EnumValues, r.Enums}} {
		for k, members := range m.from {
			for old, n := range members {
				put(m.to, back(m.container, k), n, old)
			}
		}
	}
	return out
}

// Merge adds the renames of b to a copy of a; a rename of the same object
// to two different names is an error.
func Merge(a, b diff.Renames) (diff.Renames, error) {
	out := NewRenames()
	conflict := func(what string, x, y string) error {
		return fmt.Errorf("%s is renamed both to %s and to %s", what, x, y)
	}
	for _, r := range []diff.Renames{a, b} {
		for _, m := range []struct{ from, to map[model.Name]string }{{r.Tables, out.Tables}, {r.Indexes, out.Indexes}, {r.Enums, out.Enums}} {
			for k, n := range m.from {
				if prev, ok := m.to[k]; ok && prev != n {
					return out, conflict(k.String(), prev, n)
				}
				m.to[k] = n
			}
		}
		for _, m := range []struct {
			from, to map[model.Name]map[string]string
		}{{r.Columns, out.Columns}, {r.Constraints, out.Constraints}, {r.EnumValues, out.EnumValues}} {
			for k, members := range m.from {
				for old, n := range members {
					if prev, ok := m.to[k][old]; ok && prev != n {
						return out, conflict(k.String()+"."+old, prev, n)
					}
					put(m.to, k, old, n)
				}
			}
		}
	}
	return out, nil
}

// ResolveHints turns renamed-from directives into renames. A directive
// whose old name is absent from the current schema while the new name is
// present was applied already and is skipped, as is one about an object
// created in this revision with nothing of the old name. Unqualified names
// are looked up in public, then in the only schema that has them.
func ResolveHints(hints []Hint, current, desired *model.Catalog) (diff.Renames, error) {
	out := NewRenames()
	// Tables first: the members of a renamed table are found in the
	// current schema under its old name.
	for _, pass := range [][]HintKind{{HintTable, HintEnum, HintIndex}, {HintColumn, HintConstraint, HintEnumValue}} {
		for _, group := range groupByTarget(hints) {
			if !slices.Contains(pass, group[0].Kind) {
				continue
			}
			if err := resolve(group, current, desired, &out); err != nil {
				return out, err
			}
		}
	}
	return out, nil
}

// groupByTarget groups the hints that one directive produced (one per
// definition on its line), keeping their order.
func groupByTarget(hints []Hint) [][]Hint {
	var out [][]Hint
	for i, h := range hints {
		if i > 0 && hints[i-1].Pos == h.Pos && hints[i-1].Old == h.Old {
			out[len(out)-1] = append(out[len(out)-1], h)
			continue
		}
		out = append(out, []Hint{h})
	}
	return out
}

// resolve applies the first hint of a group whose old name exists in the
// current schema.
func resolve(group []Hint, current, desired *model.Catalog, out *diff.Renames) error {
	for _, h := range group {
		switch h.Kind {
		case HintTable:
			n, ok := lookup(h.Schema, h.Name, func(n model.Name) bool { return desired.Table(n) != nil })
			old := model.Name{Schema: n.Schema, Name: h.Old}
			if ok && current.Table(old) != nil && current.Table(n) == nil {
				out.Tables[old] = n.Name
				return nil
			}
		case HintEnum:
			n, ok := lookup(h.Schema, h.Name, func(n model.Name) bool { return desired.Enum(n) != nil })
			old := model.Name{Schema: n.Schema, Name: h.Old}
			if ok && current.Enum(old) != nil && current.Enum(n) == nil {
				out.Enums[old] = n.Name
				return nil
			}
		case HintIndex:
			n, ok := lookup(h.Schema, h.Name, func(n model.Name) bool { return hasIndex(desired, n) })
			old := model.Name{Schema: n.Schema, Name: h.Old}
			if ok && hasIndex(current, old) && !hasIndex(current, n) {
				out.Indexes[old] = n.Name
				return nil
			}
		case HintColumn, HintConstraint:
			n, ok := lookup(h.Schema, h.Name, func(n model.Name) bool { return desired.Table(n) != nil })
			if !ok {
				continue
			}
			ct := current.Table(oldName(out.Tables, n))
			if ct == nil {
				continue
			}
			if h.Kind == HintColumn && ct.Column(h.Old) != nil && ct.Column(h.Member) == nil {
				put(out.Columns, n, h.Old, h.Member)
				return nil
			}
			if h.Kind == HintConstraint && ct.Constraint(h.Old) != nil && ct.Constraint(h.Member) == nil {
				put(out.Constraints, n, h.Old, h.Member)
				return nil
			}
		case HintEnumValue:
			n, ok := lookup(h.Schema, h.Name, func(n model.Name) bool { return desired.Enum(n) != nil })
			if !ok {
				continue
			}
			ce := current.Enum(oldName(out.Enums, n))
			if ce != nil && slices.Contains(ce.Values, h.Old) && !slices.Contains(ce.Values, h.Member) {
				put(out.EnumValues, n, h.Old, h.Member)
				return nil
			}
		}
	}
	return nil
}

// oldName returns the current name of a table or enum that may be renamed.
func oldName(renamed map[model.Name]string, n model.Name) model.Name {
	for old, nn := range renamed {
		if old.Schema == n.Schema && nn == n.Name {
			return old
		}
	}
	return n
}

// lookup qualifies a name: the given schema, else public, else the one
// schema where exists finds it.
func lookup(schema, name string, exists func(model.Name) bool) (model.Name, bool) {
	if schema != "" {
		n := model.Name{Schema: schema, Name: name}
		return n, exists(n)
	}
	if n := (model.Name{Schema: "public", Name: name}); exists(n) {
		return n, true
	}
	return model.Name{Schema: "public", Name: name}, false
}

func hasIndex(c *model.Catalog, n model.Name) bool {
	return slices.ContainsFunc(c.Indexes, func(ix *model.Index) bool { return ix.Schema == n.Schema && ix.Name == n.Name })
}

// CandidateKind says what a rename candidate renames.
type CandidateKind string

// The kinds of rename candidates. Indexes and constraints are not among
// them: the diff already renames one whose definition is unchanged, and
// dropping and rebuilding one loses no data.
const (
	CandidateTable     CandidateKind = "table"
	CandidateColumn    CandidateKind = "column"
	CandidateEnum      CandidateKind = "enum"
	CandidateEnumValue CandidateKind = "enum value"
)

// Candidate is a possible rename: an object that disappears from the
// schema while one of the same definition appears. Taken as a drop and an
// add, it would lose the data of the old object.
type Candidate struct {
	Kind CandidateKind
	// Container is the table of a column or the enum of a value, by its
	// new name; for a table or an enum, its current name.
	Container model.Name
	// Was is the container's current name (the same as Container unless
	// it is renamed too).
	Was model.Name
	// From and To are the old and new names of the column, value, table or
	// enum.
	From, To string
}

// String describes the candidate, as "column users.email -> email_address".
func (c Candidate) String() string {
	switch c.Kind {
	case CandidateTable, CandidateEnum:
		return fmt.Sprintf("%s %s -> %s", c.Kind, display(c.Container), c.To)
	}
	return fmt.Sprintf("%s %s.%s -> %s", c.Kind, display(c.Was), c.From, c.To)
}

// Flag returns the --rename argument that confirms the candidate.
func (c Candidate) Flag() string {
	switch c.Kind {
	case CandidateTable:
		return RenameFlag{Old: displayParts(c.Container), New: c.To}.String()
	case CandidateColumn:
		return RenameFlag{Old: append(displayParts(c.Was), c.From), New: c.To}.String()
	case CandidateEnum:
		return RenameFlag{Kind: "enum", Old: displayParts(c.Container), New: c.To}.String()
	}
	return RenameFlag{Kind: "value", Old: append(displayParts(c.Was), c.From), New: c.To}.String()
}

// displayParts returns the parts of a name as --rename takes them: the
// schema is left out when it is public.
func displayParts(n model.Name) []string {
	if n.Schema == "public" {
		return []string{n.Name}
	}
	return []string{n.Schema, n.Name}
}

func display(n model.Name) string {
	if n.Schema == "public" {
		return n.Name
	}
	return n.String()
}

// Confirm adds the candidate to renames.
func (c Candidate) Confirm(r *diff.Renames) {
	switch c.Kind {
	case CandidateTable:
		r.Tables[c.Container] = c.To
	case CandidateEnum:
		r.Enums[c.Container] = c.To
	case CandidateColumn:
		put(r.Columns, c.Container, c.From, c.To)
	case CandidateEnumValue:
		put(r.EnumValues, c.Container, c.From, c.To)
	}
}

// Candidates returns the possible renames that the confirmed renames do
// not settle: a table dropped while a table with the same column types
// appears in the same schema, a column dropped while a column of the same
// definition appears in the same table, an enum dropped while one with the
// same values appears, or an enum value replaced by a new one at the same
// place. Types are compared as if the enum candidates were renames.
// Declined lists candidates answered "not a rename"; they are left
// out.
func Candidates(current, desired *model.Catalog, confirmed diff.Renames, declined []Candidate) []Candidate {
	var out []Candidate
	// Tables and enums are looked up through maps: a scan per object
	// would make the search quadratic in the schema's size.
	curTables, desTables := tablesByName(current), tablesByName(desired)
	curEnums, desEnums := enumsByName(current), enumsByName(desired)
	keep := func(c Candidate) {
		if !slices.Contains(declined, c) {
			out = append(out, c)
		}
	}
	renamedTo := func(m map[model.Name]string, n model.Name) bool {
		for old, nn := range m {
			if old.Schema == n.Schema && nn == n.Name {
				return true
			}
		}
		return false
	}
	// Enums first: a column of a renamed enum changes type with it, and the
	// table and column candidates see through that.
	retyped := map[string]string{}
	for old, n := range confirmed.Enums {
		retyped[op.QualifiedName(old.Schema, old.Name)] = op.QualifiedName(old.Schema, n)
	}
	for _, f := range current.Enums {
		if desEnums[f.Name] != nil || confirmed.Enums[f.Name] != "" {
			continue
		}
		for _, t := range desired.Enums {
			if t.Name.Schema == f.Name.Schema && curEnums[t.Name] == nil && !renamedTo(confirmed.Enums, t.Name) && similarValues(f.Values, t.Values) {
				keep(Candidate{Kind: CandidateEnum, Container: f.Name, Was: f.Name, To: t.Name.Name})
				retyped[op.QualifiedName(f.Name.Schema, f.Name.Name)] = op.QualifiedName(t.Name.Schema, t.Name.Name)
			}
		}
	}
	sameType := func(a, b string) bool {
		base := strings.TrimRight(a, "[]")
		if n, ok := retyped[base]; ok {
			a = n + a[len(base):]
		}
		return a == b
	}
	// Tables.
	for _, f := range current.Tables {
		if desTables[f.Name] != nil || confirmed.Tables[f.Name] != "" {
			continue
		}
		for _, t := range desired.Tables {
			if t.Name.Schema == f.Name.Schema && curTables[t.Name] == nil && !renamedTo(confirmed.Tables, t.Name) && sameColumns(f, t, sameType) {
				keep(Candidate{Kind: CandidateTable, Container: f.Name, Was: f.Name, To: t.Name.Name})
			}
		}
	}
	// Columns of tables on both sides.
	for _, t := range desired.Tables {
		f := curTables[oldName(confirmed.Tables, t.Name)]
		if f == nil {
			continue
		}
		cols := confirmed.Columns[t.Name]
		for _, fc := range f.Columns {
			if t.Column(fc.Name) != nil || cols[fc.Name] != "" {
				continue
			}
			for _, tc := range t.Columns {
				if f.Column(tc.Name) != nil || columnBefore(cols, tc.Name) || !sameColumn(fc, tc, sameType) {
					continue
				}
				keep(Candidate{Kind: CandidateColumn, Container: t.Name, Was: f.Name, From: fc.Name, To: tc.Name})
			}
		}
	}
	// Enum values replaced in place.
	for _, t := range desired.Enums {
		f := curEnums[oldName(confirmed.Enums, t.Name)]
		if f == nil || len(f.Values) != len(t.Values) {
			continue
		}
		vals := confirmed.EnumValues[t.Name]
		for i, v := range f.Values {
			nv := t.Values[i]
			if v == nv || vals[v] != "" || slices.Contains(t.Values, v) || slices.Contains(f.Values, nv) || columnBefore(vals, nv) {
				continue
			}
			keep(Candidate{Kind: CandidateEnumValue, Container: t.Name, Was: f.Name, From: v, To: nv})
		}
	}
	rank := []CandidateKind{CandidateTable, CandidateColumn, CandidateEnum, CandidateEnumValue}
	slices.SortStableFunc(out, func(a, b Candidate) int {
		return cmp.Compare(slices.Index(rank, a.Kind), slices.Index(rank, b.Kind))
	})
	return out
}

// tablesByName maps the tables of a catalog by name.
func tablesByName(c *model.Catalog) map[model.Name]*model.Table {
	out := make(map[model.Name]*model.Table, len(c.Tables))
	for _, t := range c.Tables {
		out[t.Name] = t
	}
	return out
}

// enumsByName maps the enums of a catalog by name.
func enumsByName(c *model.Catalog) map[model.Name]*model.Enum {
	out := make(map[model.Name]*model.Enum, len(c.Enums))
	for _, e := range c.Enums {
		out[e.Name] = e
	}
	return out
}

func columnBefore(renames map[string]string, name string) bool {
	for _, n := range renames {
		if n == name {
			return true
		}
	}
	return false
}

// sameColumns reports whether two tables have columns of the same types
// and nullability, in the same order.
func sameColumns(a, b *model.Table, sameType func(a, b string) bool) bool {
	return len(a.Columns) > 0 && slices.EqualFunc(a.Columns, b.Columns, func(x, y *model.Column) bool {
		return sameType(x.Type, y.Type) && x.NotNull == y.NotNull
	})
}

// similarValues reports whether two enums look like one renamed: as many
// values, at least half of them the same.
func similarValues(a, b []string) bool {
	common := 0
	for _, v := range a {
		if slices.Contains(b, v) {
			common++
		}
	}
	return len(a) == len(b) && len(a) > 0 && 2*common >= len(a)
}

// sameColumn reports whether two columns have the same definition apart
// from their names.
func sameColumn(a, b *model.Column, sameType func(a, b string) bool) bool {
	return sameType(a.Type, b.Type) && a.NotNull == b.NotNull && a.Collation == b.Collation &&
		a.Default.Equal(b.Default) && a.Generated.Equal(b.Generated) && (a.Identity == nil) == (b.Identity == nil)
}

// StaleHints returns a warning for each renamed-from directive that names
// nothing: its old name is not in the current schema, its new name is not
// either (so it was not applied already), and the database has the
// directive's table or enum (so it is not a fresh database, where every
// directive names nothing). Such a directive is usually misspelled, or
// names a capitalised object without quotes; it would otherwise turn a
// rename into a drop and an add without a word.
func StaleHints(hints []Hint, current *model.Catalog) []string {
	var out []string
	for _, group := range groupByTarget(hints) {
		stale, anyKnown, near := true, false, ""
		for _, h := range group {
			oldExists, newExists, known, names := hintState(h, current)
			if oldExists || newExists {
				stale = false
				break
			}
			anyKnown = anyKnown || known
			for _, n := range names {
				if strings.EqualFold(n, h.Old) && near == "" {
					near = n
				}
			}
		}
		if !stale || !anyKnown {
			continue
		}
		h := group[0]
		for _, g := range group {
			if _, _, known, _ := hintState(g, current); known {
				h = g // the kind the directive can be about
				break
			}
		}
		msg := fmt.Sprintf("%s: %s %s: the database has no %s %s, so nothing is renamed", h.Pos, Directive, h.Old, h.Kind, h.Old)
		if near != "" {
			msg += fmt.Sprintf(" (did you mean %s? names keep their case only between double quotes)", pgsql.QuoteIdent(near))
		}
		out = append(out, msg)
	}
	return out
}

// hintState reports whether a directive's old and new names exist in the
// current schema, whether its table or enum does (known; always for a
// table, enum or index when the schema holds any), and the names of that
// kind there, for suggestions.
func hintState(h Hint, current *model.Catalog) (oldExists, newExists, known bool, names []string) {
	schema := h.Schema
	if schema == "" {
		schema = "public"
	}
	switch h.Kind {
	case HintTable:
		for _, t := range current.Tables {
			if t.Name.Schema == schema {
				names = append(names, t.Name.Name)
			}
		}
		return slices.Contains(names, h.Old), slices.Contains(names, h.Name), len(current.Tables) > 0, names
	case HintEnum:
		for _, e := range current.Enums {
			if e.Name.Schema == schema {
				names = append(names, e.Name.Name)
			}
		}
		return slices.Contains(names, h.Old), slices.Contains(names, h.Name), len(current.Enums) > 0, names
	case HintIndex:
		for _, ix := range current.Indexes {
			if ix.Schema == schema {
				names = append(names, ix.Name)
			}
		}
		return slices.Contains(names, h.Old), slices.Contains(names, h.Name), len(current.Tables) > 0, names
	case HintColumn, HintConstraint:
		t := current.Table(model.Name{Schema: schema, Name: h.Name})
		if t == nil {
			return false, false, false, nil
		}
		if h.Kind == HintColumn {
			for _, c := range t.Columns {
				names = append(names, c.Name)
			}
		} else {
			for _, c := range t.Constraints {
				names = append(names, c.Name)
			}
		}
		return slices.Contains(names, h.Old), slices.Contains(names, h.Member), true, names
	}
	e := current.Enum(model.Name{Schema: schema, Name: h.Name})
	if e == nil {
		return false, false, false, nil
	}
	return slices.Contains(e.Values, h.Old), slices.Contains(e.Values, h.Member), true, e.Values
}
