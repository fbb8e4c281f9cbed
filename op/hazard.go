package op

import (
	"slices"
	"strings"
)

// HazardKind names a way an operation can hurt a production database.
type HazardKind string

// The hazard kinds. Generated revisions acknowledge them by name in
// Revision.AllowHazards; `autogen lint` reports those that are not.
const (
	// DeletesData: rows or values are gone for good (DROP TABLE, DROP COLUMN).
	DeletesData HazardKind = "deletes-data"
	// RewritesTable: PostgreSQL rewrites every row under an ACCESS EXCLUSIVE
	// lock (most column type changes, SET LOGGED).
	RewritesTable HazardKind = "rewrites-table"
	// LocksForScan: a lock that blocks writes (ACCESS EXCLUSIVE or SHARE) is
	// held while every row is scanned (SET NOT NULL, a validated new check or
	// foreign key).
	LocksForScan HazardKind = "locks-for-scan"
	// BlocksWrites: an index build that blocks writes for its whole duration
	// (CREATE INDEX without CONCURRENTLY on an existing table).
	BlocksWrites HazardKind = "blocks-writes"
	// Irreversible: the downgrade cannot restore what the upgrade changed
	// (enum values cannot be removed in place, data cannot come back).
	Irreversible HazardKind = "irreversible"
	// MayFail: the statement fails if existing rows violate the new rule
	// (SET NOT NULL, a new unique or check constraint, a narrowing type).
	MayFail HazardKind = "may-fail"
	// Untracked: raw SQL whose effects autogen cannot analyse.
	Untracked HazardKind = "untracked"
	// Recreates: an object that depends on the change (a view, a
	// policy, a trigger, a function) is dropped and created again around
	// it; those who use it wait until the transaction commits.
	Recreates HazardKind = "recreates"
)

// HazardKinds lists every kind, in a fixed order.
var HazardKinds = []HazardKind{DeletesData, RewritesTable, LocksForScan, BlocksWrites, Irreversible, MayFail, Untracked, Recreates}

// Hazard is one hazard of one operation.
type Hazard struct {
	Kind HazardKind
	// Message says what exactly is at risk, for people.
	Message string
}

// HazardsOf returns the hazards an operation declares, or nil.
func HazardsOf(o Operation) []Hazard {
	if h, ok := o.(Hazardous); ok {
		return h.Hazards()
	}
	return nil
}

// Finding is a hazard located at one operation of a list.
type Finding struct {
	// Index is the operation's position in the list given to Analyze.
	Index int
	Hazard
}

// Analyze returns the hazards of a list of operations applied in order. It
// knows that a table created earlier in the same list holds no rows, so the
// lock and scan hazards of later changes to it do not apply; and that SET
// NOT NULL neither scans nor fails once a validated CHECK (c IS NOT NULL)
// earlier in the list has proven the column has no NULLs.
func Analyze(ops []Operation) []Finding {
	fresh := map[Name]bool{}
	// populated holds the fresh materialized views created WITH DATA: no
	// one else can see them yet, but their rows exist, so a unique index
	// on one may still fail.
	populated := map[Name]bool{}
	// checks maps a check constraint (table and name) to the column it
	// proves not null; proven holds the columns so proven.
	checks := map[[3]string]string{}
	proven := map[[3]string]bool{}
	var out []Finding
	for i, o := range ops {
		switch o := o.(type) {
		case CreateTable:
			fresh[Name{o.Schema, o.Name}] = true
		case CreateView:
			if o.Materialized {
				fresh[Name{o.Schema, o.Name}] = true
				populated[Name{o.Schema, o.Name}] = !o.WithNoData
			}
		case AddConstraint:
			if c, ok := o.Constraint.(Check); ok {
				if col, ok := notNullColumn(c.Expr); ok {
					checks[[3]string{o.Schema, o.Table, c.Name}] = col
					if !c.NotValid {
						proven[[3]string{o.Schema, o.Table, col}] = true
					}
				}
			}
		case ValidateConstraint:
			if col, ok := checks[[3]string{o.Schema, o.Table, o.Name}]; ok {
				proven[[3]string{o.Schema, o.Table, col}] = true
			}
		}
		t, onTable := targetTable(o)
		for _, h := range HazardsOf(o) {
			if onTable && fresh[t] && h.Kind != Untracked && !(h.Kind == MayFail && populated[t]) {
				continue
			}
			if ac, ok := o.(AlterColumn); ok && ac.SetNotNull && proven[[3]string{ac.Schema, ac.Table, ac.Column}] &&
				(h.Kind == LocksForScan || h.Kind == MayFail) && strings.HasPrefix(h.Message, "SET NOT NULL") {
				continue
			}
			out = append(out, Finding{Index: i, Hazard: h})
		}
	}
	return out
}

// notNullColumn returns the column of a check "col IS NOT NULL".
func notNullColumn(expr string) (string, bool) {
	e := strings.TrimSpace(expr)
	for strings.HasPrefix(e, "(") && strings.HasSuffix(e, ")") {
		e = strings.TrimSpace(e[1 : len(e)-1])
	}
	const suffix = " IS NOT NULL"
	if len(e) <= len(suffix) || !strings.EqualFold(e[len(e)-len(suffix):], suffix) {
		return "", false
	}
	col := strings.TrimSpace(e[:len(e)-len(suffix)])
	if strings.HasPrefix(col, `"`) && strings.HasSuffix(col, `"`) && len(col) > 1 {
		return strings.ReplaceAll(col[1:len(col)-1], `""`, `"`), true
	}
	if strings.ContainsAny(col, " ().\"\t") {
		return "", false
	}
	return strings.ToLower(col), true
}

// targetTable returns the table an operation changes, when it changes one
// table in place.
func targetTable(o Operation) (Name, bool) {
	switch o := o.(type) {
	case AddColumn:
		return Name{o.Schema, o.Table}, true
	case AlterColumn:
		return Name{o.Schema, o.Table}, true
	case AddConstraint:
		return Name{o.Schema, o.Table}, true
	case CreateIndex:
		return Name{o.Schema, o.Table}, true
	case ValidateConstraint:
		return Name{o.Schema, o.Table}, true
	}
	return Name{}, false
}

// Kinds returns the distinct kinds among hazards, in [HazardKinds] order.
func Kinds(hs []Hazard) []HazardKind {
	var out []HazardKind
	for _, k := range HazardKinds {
		if slices.ContainsFunc(hs, func(h Hazard) bool { return h.Kind == k }) {
			out = append(out, k)
		}
	}
	return out
}
