package op

import "strings"

// Constraint is a table constraint: [PrimaryKey], [Unique], [Check],
// [ForeignKey] or [Exclude].
type Constraint interface {
	// ConstraintName returns the constraint's name, or "" to let
	// PostgreSQL choose one.
	ConstraintName() string
	definition() (string, error)
}

// Deferrable holds the timing clauses shared by unique, primary key,
// exclusion and foreign key constraints.
type Deferrable struct {
	Deferrable        bool
	InitiallyDeferred bool
}

func (d Deferrable) sql() string {
	s := ""
	if d.Deferrable {
		s += " DEFERRABLE"
	}
	if d.InitiallyDeferred {
		s += " INITIALLY DEFERRED"
	}
	return s
}

func named(name string) string {
	if name == "" {
		return ""
	}
	return "CONSTRAINT " + QuoteIdent(name) + " "
}

func withOptions(opts []string) string {
	if len(opts) == 0 {
		return ""
	}
	return " WITH (" + strings.Join(opts, ", ") + ")"
}

func include(cols []string) string {
	if len(cols) == 0 {
		return ""
	}
	return " INCLUDE (" + identList(cols) + ")"
}

// PrimaryKey is a PRIMARY KEY constraint.
type PrimaryKey struct {
	Name    string
	Columns []string
	Include []string
	// Options are storage parameters of the index, as "fillfactor=70".
	Options []string
	Deferrable
}

// ConstraintName returns the name.
func (c PrimaryKey) ConstraintName() string { return c.Name }

func (c PrimaryKey) definition() (string, error) {
	if len(c.Columns) == 0 {
		return "", invalid("PrimaryKey", "no columns")
	}
	return named(c.Name) + "PRIMARY KEY (" + identList(c.Columns) + ")" + include(c.Include) + withOptions(c.Options) + c.Deferrable.sql(), nil
}

// Unique is a UNIQUE constraint.
type Unique struct {
	Name             string
	Columns          []string
	Include          []string
	NullsNotDistinct bool
	Options          []string
	// UsingIndex makes an existing unique index the constraint's index
	// (ADD CONSTRAINT ... UNIQUE USING INDEX): build the index with
	// [CreateIndex] Concurrently first, and the constraint is added
	// without scanning or blocking writes. Columns, Include,
	// NullsNotDistinct and Options then come from the index.
	UsingIndex string
	Deferrable
}

// ConstraintName returns the name.
func (c Unique) ConstraintName() string { return c.Name }

func (c Unique) definition() (string, error) {
	if c.UsingIndex != "" {
		return named(c.Name) + "UNIQUE USING INDEX " + QuoteIdent(c.UsingIndex) + c.Deferrable.sql(), nil
	}
	if len(c.Columns) == 0 {
		return "", invalid("Unique", "no columns")
	}
	s := named(c.Name) + "UNIQUE "
	if c.NullsNotDistinct {
		s += "NULLS NOT DISTINCT "
	}
	return s + "(" + identList(c.Columns) + ")" + include(c.Include) + withOptions(c.Options) + c.Deferrable.sql(), nil
}

// Check is a CHECK constraint.
type Check struct {
	Name      string
	Expr      string
	NoInherit bool
	// NotValid adds the constraint without checking existing rows; validate
	// it later with [ValidateConstraint].
	NotValid bool
}

// ConstraintName returns the name.
func (c Check) ConstraintName() string { return c.Name }

func (c Check) definition() (string, error) {
	if c.Expr == "" {
		return "", invalid("Check", "Expr is empty")
	}
	s := named(c.Name) + "CHECK (" + c.Expr + ")"
	if c.NoInherit {
		s += " NO INHERIT"
	}
	if c.NotValid {
		s += " NOT VALID"
	}
	return s, nil
}

// ForeignKey is a FOREIGN KEY constraint.
type ForeignKey struct {
	Name       string
	Columns    []string
	References Name
	// RefColumns may be empty to reference the primary key.
	RefColumns []string
	// OnDelete and OnUpdate are "CASCADE", "RESTRICT", "SET NULL",
	// "SET DEFAULT" or "NO ACTION" (the default, also when empty).
	OnDelete string
	OnUpdate string
	// OnDeleteColumns limits ON DELETE SET NULL or SET DEFAULT to these
	// columns of the key (PostgreSQL 15); empty means all of them.
	OnDeleteColumns []string
	// Match is "FULL" or "SIMPLE" (the default, also when empty).
	Match string
	Deferrable
	NotValid bool
}

// ConstraintName returns the name.
func (c ForeignKey) ConstraintName() string { return c.Name }

func (c ForeignKey) definition() (string, error) {
	if len(c.Columns) == 0 || c.References.Name == "" {
		return "", invalid("ForeignKey", "Columns and References are required")
	}
	s := named(c.Name) + "FOREIGN KEY (" + identList(c.Columns) + ") REFERENCES " + c.References.SQL()
	if len(c.RefColumns) > 0 {
		s += "(" + identList(c.RefColumns) + ")"
	}
	if c.Match != "" && !strings.EqualFold(c.Match, "SIMPLE") {
		s += " MATCH " + strings.ToUpper(c.Match)
	}
	if c.OnUpdate != "" && !strings.EqualFold(c.OnUpdate, "NO ACTION") {
		s += " ON UPDATE " + strings.ToUpper(c.OnUpdate)
	}
	if c.OnDelete != "" && !strings.EqualFold(c.OnDelete, "NO ACTION") {
		s += " ON DELETE " + strings.ToUpper(c.OnDelete)
		if len(c.OnDeleteColumns) > 0 {
			s += " (" + identList(c.OnDeleteColumns) + ")"
		}
	}
	s += c.Deferrable.sql()
	if c.NotValid {
		s += " NOT VALID"
	}
	return s, nil
}

// Exclude is an EXCLUDE constraint.
type Exclude struct {
	Name string
	// Using is the index method; empty means btree. gist is the usual one.
	Using    string
	Elements []ExcludeElement
	Include  []string
	Where    string
	Options  []string
	Deferrable
}

// ExcludeElement is "element WITH operator". Element is a column name or
// a parenthesized expression, with optional opclass and ordering, as SQL.
type ExcludeElement struct {
	Element  string
	Operator string
}

// ConstraintName returns the name.
func (c Exclude) ConstraintName() string { return c.Name }

func (c Exclude) definition() (string, error) {
	if len(c.Elements) == 0 {
		return "", invalid("Exclude", "no elements")
	}
	parts := make([]string, len(c.Elements))
	for i, e := range c.Elements {
		parts[i] = e.Element + " WITH " + e.Operator
	}
	s := named(c.Name) + "EXCLUDE "
	if c.Using != "" {
		s += "USING " + c.Using + " "
	}
	s += "(" + strings.Join(parts, ", ") + ")" + include(c.Include) + withOptions(c.Options)
	if c.Where != "" {
		s += " WHERE (" + c.Where + ")"
	}
	return s + c.Deferrable.sql(), nil
}

// AddConstraint adds a constraint to an existing table.
type AddConstraint struct {
	Schema     string
	Table      string
	Constraint Constraint
	// Only adds the constraint to a partitioned table without recursing
	// into its partitions (ALTER TABLE ONLY).
	Only    bool
	Comment string
}

// Statements renders ALTER TABLE ... ADD CONSTRAINT.
func (o AddConstraint) Statements() ([]string, error) {
	if o.Table == "" || o.Constraint == nil {
		return nil, invalid("AddConstraint", "Table and Constraint are required")
	}
	def, err := o.Constraint.definition()
	if err != nil {
		return nil, err
	}
	only := ""
	if o.Only {
		only = "ONLY "
	}
	table := QualifiedName(o.Schema, o.Table)
	out := []string{"ALTER TABLE " + only + table + " ADD " + def}
	if o.Comment != "" && o.Constraint.ConstraintName() != "" {
		out = append(out, commentSQL("CONSTRAINT", QuoteIdent(o.Constraint.ConstraintName())+" ON "+table, o.Comment))
	}
	return out, nil
}

// Reverse drops the constraint, when it has a name.
func (o AddConstraint) Reverse() (Operation, error) {
	if o.Constraint == nil || o.Constraint.ConstraintName() == "" {
		return nil, invalid("AddConstraint", "an unnamed constraint cannot be reversed")
	}
	return DropConstraint{Schema: o.Schema, Table: o.Table, Name: o.Constraint.ConstraintName()}, nil
}

// Hazards of adding a constraint to a table that may hold rows.
func (o AddConstraint) Hazards() []Hazard {
	t := o.Table
	switch c := o.Constraint.(type) {
	case Check:
		if !c.NotValid {
			return []Hazard{{LocksForScan, "adding check " + c.Name + " scans " + t + " under an ACCESS EXCLUSIVE lock; add it NOT VALID and validate separately"},
				{MayFail, "existing rows of " + t + " may violate check " + c.Name}}
		}
	case ForeignKey:
		if !c.NotValid {
			return []Hazard{{LocksForScan, "adding foreign key " + c.Name + " scans " + t + " while blocking writes to it and to " + c.References.Name + "; add it NOT VALID and validate separately"},
				{MayFail, "existing rows of " + t + " may violate foreign key " + c.Name}}
		}
	case PrimaryKey:
		return []Hazard{{BlocksWrites, "building the primary key index blocks writes to " + t},
			{MayFail, "duplicate or NULL keys in " + t + " make the primary key fail"}}
	case Unique:
		if c.UsingIndex != "" {
			return nil
		}
		return []Hazard{{BlocksWrites, "building the unique index blocks writes to " + t},
			{MayFail, "duplicate keys in " + t + " make unique constraint " + c.Name + " fail"}}
	case Exclude:
		return []Hazard{{BlocksWrites, "building the exclusion index blocks writes to " + t},
			{MayFail, "conflicting rows in " + t + " make exclusion constraint " + c.Name + " fail"}}
	}
	return nil
}

// DropConstraint drops a constraint by name.
type DropConstraint struct {
	Schema   string
	Table    string
	Name     string
	IfExists bool
	Cascade  bool
}

// Statements renders ALTER TABLE ... DROP CONSTRAINT.
func (o DropConstraint) Statements() ([]string, error) {
	if o.Table == "" || o.Name == "" {
		return nil, invalid("DropConstraint", "Table and Name are required")
	}
	return one("ALTER TABLE " + QualifiedName(o.Schema, o.Table) + " DROP CONSTRAINT " + ifExists(o.IfExists) + QuoteIdent(o.Name) + cascade(o.Cascade))
}

// ValidateConstraint validates a constraint added NOT VALID. It scans the
// table under a SHARE UPDATE EXCLUSIVE lock, which does not block writes.
type ValidateConstraint struct {
	Schema string
	Table  string
	Name   string
}

// Statements renders ALTER TABLE ... VALIDATE CONSTRAINT.
func (o ValidateConstraint) Statements() ([]string, error) {
	if o.Table == "" || o.Name == "" {
		return nil, invalid("ValidateConstraint", "Table and Name are required")
	}
	return one("ALTER TABLE " + QualifiedName(o.Schema, o.Table) + " VALIDATE CONSTRAINT " + QuoteIdent(o.Name))
}

// Hazards: validation fails on violating rows.
func (o ValidateConstraint) Hazards() []Hazard {
	return []Hazard{{MayFail, "existing rows of " + o.Table + " may violate " + o.Name}}
}

// RenameConstraint renames a constraint.
type RenameConstraint struct {
	Schema  string
	Table   string
	Name    string
	NewName string
}

// Statements renders ALTER TABLE ... RENAME CONSTRAINT.
func (o RenameConstraint) Statements() ([]string, error) {
	if o.Table == "" || o.Name == "" || o.NewName == "" {
		return nil, invalid("RenameConstraint", "Table, Name and NewName are required")
	}
	return one("ALTER TABLE " + QualifiedName(o.Schema, o.Table) + " RENAME CONSTRAINT " + QuoteIdent(o.Name) + " TO " + QuoteIdent(o.NewName))
}

// Reverse renames the constraint back.
func (o RenameConstraint) Reverse() (Operation, error) {
	return RenameConstraint{Schema: o.Schema, Table: o.Table, Name: o.NewName, NewName: o.Name}, nil
}
