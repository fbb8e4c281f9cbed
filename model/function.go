package model

import "strings"

// Function is a function or a procedure, identified by its name and the types
// of its input arguments.
type Function struct {
	Name Name
	// Procedure is true for CREATE PROCEDURE.
	Procedure bool
	Args      []FuncArg
	// Returns is the canonical result type ("integer", "SETOF public.t",
	// "TABLE(a text, c integer)", "trigger", "void"); empty for procedures.
	Returns  string
	Language string
	// Body is the function body as stored by PostgreSQL (prosrc): the text
	// between the dollar quotes for most languages, the link symbol for C.
	Body Expr
	// Library is the object file of a C function (probin, as in AS
	// '$libdir/unaccent', 'unaccent_dict'); "" for other languages.
	Library string
	// Volatility is "VOLATILE", "STABLE" or "IMMUTABLE".
	Volatility string
	Strict     bool
	Security   string // "INVOKER" or "DEFINER"
	Leakproof  bool
	// Parallel is "UNSAFE", "SAFE" or "RESTRICTED".
	Parallel string
	Cost     float64
	Rows     float64
	// Config lists SET clauses as "name=value", in the order PostgreSQL
	// keeps them (proconfig: as first written), which pg_dump prints.
	Config []string
	// Window is set for a window function (CREATE FUNCTION ... WINDOW).
	Window bool
	// Support is the planner support function (SUPPORT), qualified
	// unless in pg_catalog; "" for none.
	Support string
	Comment string
	Access
}

// FuncArg is one declared argument.
type FuncArg struct {
	// Mode is "IN", "OUT", "INOUT", "VARIADIC" or "TABLE".
	Mode    string
	Name    string
	Type    string
	Default *Expr
}

// IdentityArgs returns the comma-separated types of the arguments that identify
// the function (IN, INOUT and VARIADIC ones), as in "integer, text[]".
func (f *Function) IdentityArgs() string {
	var parts []string
	for _, a := range f.Args {
		switch a.Mode {
		case "OUT", "TABLE":
			continue
		case "VARIADIC":
			parts = append(parts, "VARIADIC "+a.Type)
		default:
			parts = append(parts, a.Type)
		}
	}
	return strings.Join(parts, ", ")
}

// OutNames returns the names of a function's OUT, INOUT and TABLE
// arguments, in order: the columns of its result when it has any. A
// function without them returns its declared type (Returns), whose
// columns are a composite type's or a table's.
func (f *Function) OutNames() []string {
	var out []string
	for _, a := range f.Args {
		switch a.Mode {
		case "OUT", "INOUT", "TABLE":
			out = append(out, a.Name)
		}
	}
	return out
}

// InNames returns the names of a function's input arguments (IN, INOUT
// and VARIADIC), in order, "" for one without a name: what $1, $2, ...
// of its body stand for.
func (f *Function) InNames() []string {
	var in []string
	for _, a := range f.Args {
		switch a.Mode {
		case "OUT", "TABLE":
		default:
			in = append(in, a.Name)
		}
	}
	return in
}

// Signature returns "schema.name(argtypes)", which identifies the function.
func (f *Function) Signature() string {
	return f.Name.String() + "(" + f.IdentityArgs() + ")"
}
