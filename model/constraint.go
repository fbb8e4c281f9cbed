package model

// ConstraintKind says what kind of table constraint a [Constraint] is.
type ConstraintKind string

// The constraint kinds autogen models. NOT NULL is a column property.
const (
	PrimaryKey ConstraintKind = "PRIMARY KEY"
	Unique     ConstraintKind = "UNIQUE"
	Check      ConstraintKind = "CHECK"
	ForeignKey ConstraintKind = "FOREIGN KEY"
	Exclusion  ConstraintKind = "EXCLUDE"
)

// HasIndex reports whether a constraint of the kind is enforced by an
// index of its own: primary key, unique and exclusion constraints.
func (k ConstraintKind) HasIndex() bool { return k == PrimaryKey || k == Unique || k == Exclusion }

// Constraint is a table constraint. Which fields apply depends on Kind.
type Constraint struct {
	Name string
	Kind ConstraintKind
	// Columns are the key columns of a primary key, unique or foreign key
	// constraint, in order.
	Columns []string
	// Include lists INCLUDE columns of a primary key, unique or exclusion
	// constraint.
	Include []string
	// NullsNotDistinct applies to unique constraints.
	NullsNotDistinct bool
	// Expr is the expression of a check constraint.
	Expr *Expr
	// NoInherit applies to check constraints.
	NoInherit bool
	// NotValid is set on a check or foreign key constraint that has not been
	// validated.
	NotValid          bool
	Deferrable        bool
	InitiallyDeferred bool
	// Foreign key fields.
	References *Name
	RefColumns []string
	// OnUpdate and OnDelete hold the action keywords; "NO ACTION" is the
	// default and is stored as "".
	OnUpdate string
	OnDelete string
	// OnDeleteColumns limits ON DELETE SET NULL or SET DEFAULT to some
	// of the key's columns (PostgreSQL 15); empty means all of them.
	OnDeleteColumns []string
	// Match is "FULL" or "" (SIMPLE, the default).
	Match string
	// Exclusion constraint fields: index method, elements and predicate.
	Using    string
	Elements []ExclusionElement
	Where    *Expr
	// Options are storage parameters of the constraint's index, in the
	// order PostgreSQL keeps them (see Table.Options).
	Options []string
	Comment string
}

// ExclusionElement is one "element WITH operator" item of an exclusion
// constraint.
type ExclusionElement struct {
	Key      IndexKey
	Operator string
}
