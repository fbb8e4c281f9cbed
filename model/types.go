package model

// Enum is an enumerated type; Values keep their declared order.
type Enum struct {
	Name    Name
	Values  []string
	Comment string
	Access
}

// Domain is a domain over a base type.
type Domain struct {
	Name      Name
	Type      string
	NotNull   bool
	Default   *Expr
	Collation string
	Checks    []*DomainCheck
	Comment   string
	Access
}

// DomainCheck is a named CHECK constraint on a domain; the expression refers
// to the value as VALUE.
type DomainCheck struct {
	Name     string
	Expr     Expr
	NotValid bool
	Comment  string
}

// Composite is a composite type created with CREATE TYPE ... AS (...).
type Composite struct {
	Name       Name
	Attributes []*Attribute
	Comment    string
	Access
}

// Attribute is one field of a composite type.
type Attribute struct {
	Name      string
	Type      string
	Collation string
	Comment   string
}
