package model

import "strings"

// Name is a schema-qualified object name. Both parts are the real identifiers,
// not quoted SQL.
type Name struct {
	Schema string
	Name   string
}

// String returns the name as "schema.name" without quoting, for messages and
// map keys. Use a renderer that quotes identifiers to build SQL.
func (n Name) String() string {
	if n.Schema == "" {
		return n.Name
	}
	return n.Schema + "." + n.Name
}

// Less orders names by schema, then name.
func (n Name) Less(o Name) bool {
	if n.Schema != o.Schema {
		return n.Schema < o.Schema
	}
	return n.Name < o.Name
}

// Compare returns -1, 0 or 1 as n sorts before, equal to or after o.
func (n Name) Compare(o Name) int {
	if c := strings.Compare(n.Schema, o.Schema); c != 0 {
		return c
	}
	return strings.Compare(n.Name, o.Name)
}
