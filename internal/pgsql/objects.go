package pgsql

import "strings"

// ObjectShape says how an object of some kind is named after its keyword
// in COMMENT ON, ALTER ... OWNER TO, GRANT ... ON and DROP.
type ObjectShape uint8

// The shapes of object names.
const (
	// Qualified objects are named schema.name (tables, types, sequences).
	Qualified ObjectShape = iota
	// Global objects are named by a bare name (schemas, extensions,
	// foreign-data wrappers, servers, event triggers, publications).
	Global
	// Member objects belong to a table: "name ON schema.table"
	// (constraints, triggers, policies, rules).
	Member
	// Column is "schema.table.column".
	Column
	// DomainMember is "name ON DOMAIN schema.domain".
	DomainMember
	// WithArgs objects are named schema.name(argument types) (functions,
	// procedures, aggregates).
	WithArgs
	// OperatorShape is schema.op(left, right), with NONE for a missing side.
	OperatorShape
	// Cast is "(source AS target)".
	Cast
	// Using objects are named "schema.name USING method" (operator
	// classes and families).
	Using
	// UserMappingShape is "FOR role SERVER server".
	UserMappingShape
)

// ObjectKind is a kind of object as SQL spells it in COMMENT ON, DROP,
// ALTER ... OWNER TO and GRANT: its keyword and the shape of its name.
type ObjectKind struct {
	Keyword string
	Shape   ObjectShape
}

// ObjectKinds lists every object kind autogen names in SQL, by keyword.
var ObjectKinds = map[string]ObjectKind{}

func init() {
	for _, k := range []ObjectKind{
		{"SCHEMA", Global}, {"EXTENSION", Global}, {"COLLATION", Qualified},
		{"TYPE", Qualified}, {"DOMAIN", Qualified}, {"SEQUENCE", Qualified},
		{"FUNCTION", WithArgs}, {"PROCEDURE", WithArgs}, {"AGGREGATE", WithArgs},
		{"TABLE", Qualified}, {"VIEW", Qualified}, {"MATERIALIZED VIEW", Qualified},
		{"FOREIGN TABLE", Qualified}, {"INDEX", Qualified}, {"COLUMN", Column},
		{"CONSTRAINT", Member}, {"TRIGGER", Member}, {"POLICY", Member}, {"RULE", Member},
		{"DOMAIN CONSTRAINT", DomainMember},
		{"OPERATOR", OperatorShape}, {"OPERATOR CLASS", Using}, {"OPERATOR FAMILY", Using}, {"CAST", Cast},
		{"STATISTICS", Qualified}, {"EVENT TRIGGER", Global}, {"PUBLICATION", Global},
		{"FOREIGN DATA WRAPPER", Global}, {"SERVER", Global},
		{"TEXT SEARCH CONFIGURATION", Qualified}, {"TEXT SEARCH DICTIONARY", Qualified},
		{"TEXT SEARCH PARSER", Qualified}, {"TEXT SEARCH TEMPLATE", Qualified},
		{"USER MAPPING", UserMappingShape},
	} {
		ObjectKinds[k.Keyword] = k
	}
}

// ObjectRef names one object for a statement that takes "KIND name": its
// kind keyword and the parts of its name. Which parts apply depends on the
// kind's shape:
//   - Qualified: Schema, Name. Global: Name.
//   - Member and Column: Schema, Table (the table), Name.
//   - DomainMember: Schema, Table (the domain), Name.
//   - WithArgs: Schema, Name, Args (the argument types, comma-separated).
//   - OperatorShape: Schema, Name (the operator), Args ("left, right").
//   - Cast: Args ("source AS target").
//   - Using: Schema, Name, Table (the index method).
//   - UserMappingShape: Name (the server), Args (the role; "public" for
//     PUBLIC).
type ObjectRef struct {
	Kind                      string
	Schema, Table, Name, Args string
}

// Keyword returns the keyword that introduces the object in COMMENT ON
// and DROP (a domain constraint is a CONSTRAINT there).
func (o ObjectRef) Keyword() string {
	k := strings.ToUpper(o.Kind)
	if k == "DOMAIN CONSTRAINT" {
		return "CONSTRAINT"
	}
	return k
}

// Target renders the object's name as it follows the keyword.
func (o ObjectRef) Target() string {
	k, ok := ObjectKinds[strings.ToUpper(o.Kind)]
	if !ok {
		k = ObjectKind{Shape: Qualified}
	}
	switch k.Shape {
	case Global:
		return QuoteIdent(o.Name)
	case Member:
		return QuoteIdent(o.Name) + " ON " + QualifiedName(o.Schema, o.Table)
	case Column:
		return QualifiedName(o.Schema, o.Table) + "." + QuoteIdent(o.Name)
	case DomainMember:
		return QuoteIdent(o.Name) + " ON DOMAIN " + QualifiedName(o.Schema, o.Table)
	case WithArgs:
		return QualifiedName(o.Schema, o.Name) + "(" + o.Args + ")"
	case OperatorShape:
		op := o.Name
		if o.Schema != "" {
			op = QuoteIdent(o.Schema) + "." + o.Name
		}
		return op + " (" + o.Args + ")"
	case Cast:
		return "(" + o.Args + ")"
	case Using:
		return QualifiedName(o.Schema, o.Name) + " USING " + QuoteIdent(o.Table)
	case UserMappingShape:
		return "FOR " + RoleSpec(o.Args) + " SERVER " + QuoteIdent(o.Name)
	}
	return QualifiedName(o.Schema, o.Name)
}

// String renders "KEYWORD target", as in "TABLE public.users".
func (o ObjectRef) String() string { return o.Keyword() + " " + o.Target() }

// GrantTarget renders the object as GRANT and REVOKE name it after ON:
// views, materialized views, foreign tables and the columns of a table
// are all TABLEs there ("TABLE public.v"; a column's name goes in the
// privilege list), a server is a FOREIGN SERVER, an aggregate a FUNCTION.
func (o ObjectRef) GrantTarget() string {
	switch k := strings.ToUpper(o.Kind); k {
	case "VIEW", "MATERIALIZED VIEW", "FOREIGN TABLE":
		return "TABLE " + o.Target()
	case "COLUMN":
		return "TABLE " + QualifiedName(o.Schema, o.Table)
	case "SERVER":
		return "FOREIGN SERVER " + o.Target()
	case "AGGREGATE":
		return "FUNCTION " + o.Target()
	}
	return o.String()
}

// OwnerTarget renders the object as ALTER ... OWNER TO names it after
// ALTER: "TABLE public.t", "FUNCTION public.f(integer)".
func (o ObjectRef) OwnerTarget() string { return o.String() }

// RoleSpec renders a role name as GRANT, REVOKE and OWNER TO take it:
// PUBLIC and the special roles (CURRENT_USER, CURRENT_ROLE, SESSION_USER)
// as keywords, any other name quoted as needed.
func RoleSpec(name string) string {
	switch up := strings.ToUpper(name); up {
	case "PUBLIC", "CURRENT_USER", "CURRENT_ROLE", "SESSION_USER":
		if name == up || strings.ToLower(name) == name && up == "PUBLIC" {
			return up
		}
	}
	return QuoteIdent(name)
}
