package op

import (
	"strings"

	"github.com/autogen-dev/autogen/internal/pgsql"
)

// CreateEnum creates an enum type with its values in order.
type CreateEnum struct {
	Schema  string
	Name    string
	Values  []string
	Comment string
}

// Statements renders CREATE TYPE ... AS ENUM.
func (o CreateEnum) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("CreateEnum", "Name is empty")
	}
	vals := make([]string, len(o.Values))
	for i, v := range o.Values {
		vals[i] = QuoteLiteral(v)
	}
	name := QualifiedName(o.Schema, o.Name)
	out := []string{"CREATE TYPE " + name + " AS ENUM (" + strings.Join(vals, ", ") + ")"}
	if o.Comment != "" {
		out = append(out, commentSQL("TYPE", name, o.Comment))
	}
	return out, nil
}

// Reverse drops the type.
func (o CreateEnum) Reverse() (Operation, error) {
	return DropType{Schema: o.Schema, Name: o.Name}, nil
}

// DropType drops an enum or composite type.
type DropType struct {
	Schema   string
	Name     string
	IfExists bool
}

// Statements renders DROP TYPE.
func (o DropType) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("DropType", "Name is empty")
	}
	return one("DROP TYPE " + ifExists(o.IfExists) + QualifiedName(o.Schema, o.Name))
}

// AddEnumValue adds a value to an enum type, after or before an existing one
// (at the end when neither is set; setting both is an error). PostgreSQL
// cannot remove it again, and a new value cannot be used in the transaction
// that adds it.
type AddEnumValue struct {
	Schema      string
	Type        string
	Value       string
	Before      string
	After       string
	IfNotExists bool
}

// Statements renders ALTER TYPE ... ADD VALUE.
func (o AddEnumValue) Statements() ([]string, error) {
	if o.Type == "" || o.Value == "" {
		return nil, invalid("AddEnumValue", "Type and Value are required")
	}
	if o.Before != "" && o.After != "" {
		// One would silently win; say so instead.
		return nil, invalid("AddEnumValue", "set at most one of Before and After (value %q)", o.Value)
	}
	s := "ALTER TYPE " + QualifiedName(o.Schema, o.Type) + " ADD VALUE "
	if o.IfNotExists {
		s += "IF NOT EXISTS "
	}
	s += QuoteLiteral(o.Value)
	switch {
	case o.Before != "":
		s += " BEFORE " + QuoteLiteral(o.Before)
	case o.After != "":
		s += " AFTER " + QuoteLiteral(o.After)
	}
	return one(s)
}

// Hazards: enum values cannot be dropped in place.
func (o AddEnumValue) Hazards() []Hazard {
	return []Hazard{{Irreversible, "enum value " + o.Value + " cannot be removed from " + o.Type + " without recreating the type"}}
}

// RenameEnumValue renames a value of an enum type.
type RenameEnumValue struct {
	Schema string
	Type   string
	From   string
	To     string
}

// Statements renders ALTER TYPE ... RENAME VALUE.
func (o RenameEnumValue) Statements() ([]string, error) {
	if o.Type == "" || o.From == "" || o.To == "" {
		return nil, invalid("RenameEnumValue", "Type, From and To are required")
	}
	return one("ALTER TYPE " + QualifiedName(o.Schema, o.Type) + " RENAME VALUE " + QuoteLiteral(o.From) + " TO " + QuoteLiteral(o.To))
}

// Reverse renames the value back.
func (o RenameEnumValue) Reverse() (Operation, error) {
	return RenameEnumValue{Schema: o.Schema, Type: o.Type, From: o.To, To: o.From}, nil
}

// RenameType renames a type (enum, composite or domain).
type RenameType struct {
	Schema  string
	Name    string
	NewName string
	// Domain is set when the type is a domain.
	Domain bool
}

// Statements renders ALTER TYPE/DOMAIN ... RENAME TO.
func (o RenameType) Statements() ([]string, error) {
	if o.Name == "" || o.NewName == "" {
		return nil, invalid("RenameType", "Name and NewName are required")
	}
	kw := "TYPE"
	if o.Domain {
		kw = "DOMAIN"
	}
	return one("ALTER " + kw + " " + QualifiedName(o.Schema, o.Name) + " RENAME TO " + QuoteIdent(o.NewName))
}

// Reverse renames the type back.
func (o RenameType) Reverse() (Operation, error) {
	return RenameType{Schema: o.Schema, Name: o.NewName, NewName: o.Name, Domain: o.Domain}, nil
}

// CreateComposite creates a composite type.
type CreateComposite struct {
	Schema     string
	Name       string
	Attributes []Attribute
	Comment    string
}

// Attribute is one field of a composite type.
type Attribute struct {
	Name      string
	Type      string
	Collation string
}

// Statements renders CREATE TYPE ... AS (...).
func (o CreateComposite) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("CreateComposite", "Name is empty")
	}
	parts := make([]string, len(o.Attributes))
	for i, a := range o.Attributes {
		parts[i] = QuoteIdent(a.Name) + " " + a.Type
		if a.Collation != "" {
			parts[i] += " COLLATE " + a.Collation
		}
	}
	name := QualifiedName(o.Schema, o.Name)
	out := []string{"CREATE TYPE " + name + " AS (" + strings.Join(parts, ", ") + ")"}
	if o.Comment != "" {
		out = append(out, commentSQL("TYPE", name, o.Comment))
	}
	return out, nil
}

// Reverse drops the type.
func (o CreateComposite) Reverse() (Operation, error) {
	return DropType{Schema: o.Schema, Name: o.Name}, nil
}

// CreateDomain creates a domain.
type CreateDomain struct {
	Schema    string
	Name      string
	Type      string
	Collation string
	Default   string
	NotNull   bool
	Checks    []DomainCheck
	Comment   string
}

// DomainCheck is a named check constraint of a domain.
type DomainCheck struct {
	Name     string
	Expr     string
	NotValid bool
}

func (c DomainCheck) sql() string {
	s := ""
	if c.Name != "" {
		s = "CONSTRAINT " + QuoteIdent(c.Name) + " "
	}
	return s + "CHECK (" + c.Expr + ")"
}

// Statements renders CREATE DOMAIN.
func (o CreateDomain) Statements() ([]string, error) {
	if o.Name == "" || o.Type == "" {
		return nil, invalid("CreateDomain", "Name and Type are required")
	}
	name := QualifiedName(o.Schema, o.Name)
	s := "CREATE DOMAIN " + name + " AS " + o.Type
	if o.Collation != "" {
		s += " COLLATE " + o.Collation
	}
	if o.Default != "" {
		s += " DEFAULT " + pgsql.BExpr(o.Default)
	}
	if o.NotNull {
		s += " NOT NULL"
	}
	var out []string
	for _, c := range o.Checks {
		if c.NotValid {
			continue
		}
		s += " " + c.sql()
	}
	out = append(out, s)
	// A NOT VALID check can only be added with ALTER DOMAIN.
	for _, c := range o.Checks {
		if c.NotValid {
			out = append(out, "ALTER DOMAIN "+name+" ADD "+c.sql()+" NOT VALID")
		}
	}
	if o.Comment != "" {
		out = append(out, commentSQL("DOMAIN", name, o.Comment))
	}
	return out, nil
}

// Reverse drops the domain.
func (o CreateDomain) Reverse() (Operation, error) {
	return DropDomain{Schema: o.Schema, Name: o.Name}, nil
}

// DropDomain drops a domain.
type DropDomain struct {
	Schema   string
	Name     string
	IfExists bool
}

// Statements renders DROP DOMAIN.
func (o DropDomain) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("DropDomain", "Name is empty")
	}
	return one("DROP DOMAIN " + ifExists(o.IfExists) + QualifiedName(o.Schema, o.Name))
}

// AlterDomain changes a domain in place. Only the fields that are set are
// changed, in the order: drop default, set default, nullability, drop
// constraint, add check, validate.
type AlterDomain struct {
	Schema         string
	Name           string
	SetDefault     string
	DropDefault    bool
	SetNotNull     bool
	DropNotNull    bool
	DropConstraint string
	AddCheck       *DomainCheck
	Validate       string
}

// Statements renders ALTER DOMAIN statements.
func (o AlterDomain) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("AlterDomain", "Name is empty")
	}
	p := "ALTER DOMAIN " + QualifiedName(o.Schema, o.Name) + " "
	var out []string
	if o.DropDefault {
		out = append(out, p+"DROP DEFAULT")
	}
	if o.SetDefault != "" {
		out = append(out, p+"SET DEFAULT "+o.SetDefault)
	}
	if o.SetNotNull {
		out = append(out, p+"SET NOT NULL")
	}
	if o.DropNotNull {
		out = append(out, p+"DROP NOT NULL")
	}
	if o.DropConstraint != "" {
		out = append(out, p+"DROP CONSTRAINT "+QuoteIdent(o.DropConstraint))
	}
	if o.AddCheck != nil {
		s := p + "ADD " + o.AddCheck.sql()
		if o.AddCheck.NotValid {
			s += " NOT VALID"
		}
		out = append(out, s)
	}
	if o.Validate != "" {
		out = append(out, p+"VALIDATE CONSTRAINT "+QuoteIdent(o.Validate))
	}
	if len(out) == 0 {
		// An operation that renders nothing is almost surely a mistake, as
		// for AlterColumn.
		return nil, invalid("AlterDomain", "no change given for %s", o.Name)
	}
	return out, nil
}

// Hazards: a new valid check or NOT NULL scans every column using the domain.
func (o AlterDomain) Hazards() []Hazard {
	var hs []Hazard
	if o.SetNotNull || (o.AddCheck != nil && !o.AddCheck.NotValid) || o.Validate != "" {
		hs = append(hs, Hazard{MayFail, "existing values of domain " + o.Name + " may violate the new rule"})
	}
	return hs
}
