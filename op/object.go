package op

import (
	"strings"

	"github.com/autogen-dev/autogen/internal/pgsql"
)

// Objects of the kinds PostgreSQL creates with one statement and changes in
// place in few ways (aggregates, operators, operator classes and families,
// casts, range and base types, text search objects, rules, event
// triggers, statistics objects, foreign-data wrappers, servers, user
// mappings, foreign tables, publications) are created from their
// statement, which reads best as SQL, as triggers are; they are named for
// DROP, ALTER and COMMENT ON by their kind and the parts of their name.

// ObjectName names an object of one of those kinds. Kind is the kind as
// SQL spells it ("AGGREGATE", "TEXT SEARCH CONFIGURATION", "USER
// MAPPING"); which other fields apply depends on it:
//   - AGGREGATE: Schema, Name, Args (the argument types, as in
//     "integer" or "double precision ORDER BY anyelement").
//   - OPERATOR: Schema, Name (the operator), Args ("integer, integer";
//     NONE for a prefix operator's left side).
//   - OPERATOR CLASS, OPERATOR FAMILY: Schema, Name, Table (the index
//     method).
//   - CAST: Args ("integer AS public.mood").
//   - RULE: Schema, Table, Name.
//   - EVENT TRIGGER, FOREIGN DATA WRAPPER, SERVER, PUBLICATION: Name.
//   - USER MAPPING: Name (the server), Args (the role; "public" for
//     PUBLIC).
//   - the others (TYPE, FOREIGN TABLE, STATISTICS, TEXT SEARCH ...):
//     Schema, Name.
type ObjectName struct {
	Kind   string
	Schema string
	Table  string
	Name   string
	Args   string
}

func (n ObjectName) ref() (pgsql.ObjectRef, error) {
	if _, ok := pgsql.ObjectKinds[strings.ToUpper(n.Kind)]; !ok {
		return pgsql.ObjectRef{}, invalid("ObjectName", "unknown object kind %q", n.Kind)
	}
	if n.Name == "" && n.Args == "" {
		return pgsql.ObjectRef{}, invalid("ObjectName", "%s without a name", n.Kind)
	}
	return pgsql.ObjectRef{Kind: n.Kind, Schema: n.Schema, Table: n.Table, Name: n.Name, Args: n.Args}, nil
}

// CreateObject creates an object from its CREATE statement, then gives it
// the settings Then lists, as AlterObject actions (a text search
// configuration's mappings, a publication's tables, OPTIONS).
type CreateObject struct {
	ObjectName
	// Definition is the CREATE statement.
	Definition string
	Then       []string
	Comment    string
}

// Statements renders the definition, the settings and the comment.
func (o CreateObject) Statements() ([]string, error) {
	ref, err := o.ref()
	if err != nil {
		return nil, err
	}
	if o.Definition == "" {
		return nil, invalid("CreateObject", "%s without a definition", ref)
	}
	out := []string{o.Definition}
	then, err := AlterObject{ObjectName: o.ObjectName, Actions: o.Then}.Statements()
	if err != nil {
		return nil, err
	}
	out = append(out, then...)
	if o.Comment != "" {
		out = append(out, commentSQL(ref.Keyword(), ref.Target(), o.Comment))
	}
	return out, nil
}

// Reverse drops the object.
func (o CreateObject) Reverse() (Operation, error) { return DropObject{ObjectName: o.ObjectName}, nil }

// DropObject drops an object. Cascade drops what depends on it too, which
// a base type needs to take its I/O functions with it (they depend on each
// other); autogen drops everything else that uses the type first.
type DropObject struct {
	ObjectName
	IfExists bool
	Cascade  bool
}

// Statements renders DROP.
func (o DropObject) Statements() ([]string, error) {
	ref, err := o.ref()
	if err != nil {
		return nil, err
	}
	s := "DROP " + ref.Keyword() + " " + ifExists(o.IfExists) + ref.Target()
	if o.Cascade {
		s += " CASCADE"
	}
	return one(s)
}

// AlterObject changes an object in place, one statement per action, each
// as it follows ALTER <kind> <object>: "ALTER MAPPING FOR asciiword WITH
// simple", "ADD TABLE public.orders", "OPTIONS (SET host 'db')",
// "DISABLE". A rule's actions ("DISABLE RULE r") go to ALTER TABLE, as
// PostgreSQL takes them.
type AlterObject struct {
	ObjectName
	Actions []string
}

// Statements renders the ALTER statements.
func (o AlterObject) Statements() ([]string, error) {
	ref, err := o.ref()
	if err != nil {
		return nil, err
	}
	head := "ALTER " + ref.Keyword() + " " + ref.Target() + " "
	if strings.EqualFold(o.Kind, "RULE") {
		head = "ALTER TABLE " + QualifiedName(o.Schema, o.Table) + " "
	}
	var out []string
	for _, a := range o.Actions {
		if a == "" {
			return nil, invalid("AlterObject", "an empty action for %s", ref)
		}
		out = append(out, head+a)
	}
	return out, nil
}

// CreateShellType creates the shell of a base type (CREATE TYPE name),
// which its input and output functions name before CreateObject defines
// the type in full.
type CreateShellType struct {
	Schema string
	Name   string
}

// Statements renders CREATE TYPE name.
func (o CreateShellType) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("CreateShellType", "Name is empty")
	}
	return one("CREATE TYPE " + QualifiedName(o.Schema, o.Name))
}

// Reverse drops the type.
func (o CreateShellType) Reverse() (Operation, error) {
	return DropType{Schema: o.Schema, Name: o.Name}, nil
}
