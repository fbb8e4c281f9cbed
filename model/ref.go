package model

import (
	"cmp"
	"slices"
)

// RefKind says what kind of object a [Ref] points at.
type RefKind uint8

// The kinds of reference. Relations, types and functions are named; a
// relation reference may resolve to a table, a view, a materialized view or
// a sequence, a type reference to any type (an enum, a domain, a composite,
// or a relation's row type), and a function reference to every overload of
// the name (the readers do not resolve overloads).
const (
	RefRelation RefKind = iota + 1
	RefColumn
	RefType
	RefFunction
	RefOperator
	RefCollation
	// RefSchema is the reference every object has to its schema (other
	// than public, which always exists).
	RefSchema
	// References to definitions (see [Definition]) by name: an operator
	// class or family of any index method, text search objects, foreign
	// data wrappers and servers (global: only Name.Name is set).
	RefOpFamily
	RefOpClass
	RefTSParser
	RefTSTemplate
	RefTSDictionary
	RefTSConfig
	RefFDW
	RefServer
	// RefExtension is a reference to an extension (one that requires
	// it); only Name.Name is set.
	RefExtension
)

var refKindNames = map[RefKind]string{RefRelation: "relation", RefColumn: "column", RefType: "type",
	RefFunction: "function", RefOperator: "operator", RefCollation: "collation", RefSchema: "schema",
	RefOpFamily: "operator family", RefOpClass: "operator class", RefTSParser: "text search parser",
	RefTSTemplate: "text search template", RefTSDictionary: "text search dictionary",
	RefTSConfig: "text search configuration", RefFDW: "foreign data wrapper", RefServer: "server",
	RefExtension: "extension"}

// String names the kind, for messages and dumps.
func (k RefKind) String() string { return refKindNames[k] }

// Ref is a typed reference from one object to another that it depends on,
// as an expression or a definition names it. Both readers compute refs from
// the parsed statement (ddlparse from the user's SQL, introspect from the
// definitions the server prints), so dependencies are data, never found by
// searching SQL text.
type Ref struct {
	Kind RefKind
	// Name is the object referred to. For a column reference it is the
	// relation that holds the column; it is empty for a column of the
	// object's own table (a default, check, index expression, generated
	// column, policy or trigger condition naming a bare column).
	Name Name
	// Column is the column of a RefColumn.
	Column string
}

// String renders the reference for messages: "column public.t.c".
func (r Ref) String() string {
	s := r.Kind.String() + " " + r.Name.String()
	if r.Kind == RefColumn {
		if r.Name.Name == "" {
			return "column " + r.Column
		}
		s += "." + r.Column
	}
	return s
}

// Compare orders references by kind, name and column.
func (r Ref) Compare(o Ref) int {
	if c := cmp.Compare(r.Kind, o.Kind); c != 0 {
		return c
	}
	if c := r.Name.Compare(o.Name); c != 0 {
		return c
	}
	return cmp.Compare(r.Column, o.Column)
}

// SortRefs sorts references and removes duplicates.
func SortRefs(refs []Ref) []Ref {
	slices.SortFunc(refs, Ref.Compare)
	return slices.Compact(refs)
}
