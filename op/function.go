package op

import (
	"strconv"
	"strings"

	"github.com/autogen-dev/autogen/internal/pgsql"
)

// CreateFunction creates a function or procedure.
type CreateFunction struct {
	Schema    string
	Name      string
	Procedure bool
	Args      []FuncArg
	// Returns is the result type: "integer", "SETOF public.t",
	// "TABLE(a text, b integer)", "trigger"; empty for procedures.
	Returns  string
	Language string
	// Body is the function's source; it is dollar-quoted when rendered.
	// For a C function it is the link symbol, and Library the object
	// file: AS 'library', 'symbol'.
	Body    string
	Library string
	// StandardBody marks a SQL-standard body (RETURN expr, or BEGIN
	// ATOMIC ... END), which is written as SQL, not as a string.
	StandardBody bool
	// Volatility is "VOLATILE" (the default), "STABLE" or "IMMUTABLE".
	Volatility string
	Strict     bool
	// SecurityDefiner runs the function with its owner's rights.
	SecurityDefiner bool
	Leakproof       bool
	// Parallel is "UNSAFE" (the default), "SAFE" or "RESTRICTED".
	Parallel string
	// Cost and Rows override the planner estimates when not zero.
	Cost float64
	Rows float64
	// Config holds SET clauses as PostgreSQL stores them (proconfig),
	// "name=value"; each is rendered as pg_dump renders it, the value as a
	// string literal (list settings such as search_path element by
	// element).
	Config []string
	// Window makes a window function.
	Window bool
	// Support names the planner support function, as SQL.
	Support   string
	OrReplace bool
	Comment   string
}

// FuncArg is one argument of a function.
type FuncArg struct {
	// Mode is "IN" (the default when empty), "OUT", "INOUT" or "VARIADIC".
	Mode    string
	Name    string
	Type    string
	Default string
}

func (o CreateFunction) kind() string {
	if o.Procedure {
		return "PROCEDURE"
	}
	return "FUNCTION"
}

// IdentityArgs returns the argument types that identify the function, as
// DROP FUNCTION and COMMENT ON FUNCTION need them.
func (o CreateFunction) IdentityArgs() string {
	var parts []string
	for _, a := range o.Args {
		switch strings.ToUpper(a.Mode) {
		case "OUT", "TABLE":
			continue
		case "VARIADIC":
			parts = append(parts, "VARIADIC "+a.Type)
		case "INOUT":
			parts = append(parts, "INOUT "+a.Type)
		default:
			parts = append(parts, a.Type)
		}
	}
	return strings.Join(parts, ", ")
}

// Statements renders CREATE FUNCTION or CREATE PROCEDURE.
func (o CreateFunction) Statements() ([]string, error) {
	if o.Name == "" || o.Language == "" {
		return nil, invalid("CreateFunction", "Name and Language are required")
	}
	name := QualifiedName(o.Schema, o.Name)
	var b strings.Builder
	b.WriteString("CREATE ")
	if o.OrReplace {
		b.WriteString("OR REPLACE ")
	}
	b.WriteString(o.kind() + " " + name + "(")
	n := 0
	for _, a := range o.Args {
		// TABLE arguments are the result columns, written in Returns.
		if strings.EqualFold(a.Mode, "TABLE") {
			continue
		}
		if n > 0 {
			b.WriteString(", ")
		}
		n++
		if a.Mode != "" && !strings.EqualFold(a.Mode, "IN") {
			b.WriteString(strings.ToUpper(a.Mode) + " ")
		}
		if a.Name != "" {
			b.WriteString(QuoteIdent(a.Name) + " ")
		}
		b.WriteString(a.Type)
		if a.Default != "" {
			b.WriteString(" DEFAULT " + a.Default)
		}
	}
	b.WriteString(")")
	if !o.Procedure && o.Returns != "" {
		b.WriteString("\n RETURNS " + o.Returns)
	}
	b.WriteString("\n LANGUAGE " + QuoteIdent(o.Language))
	if o.Window {
		b.WriteString(" WINDOW")
	}
	if !o.Procedure {
		if o.Volatility != "" && !strings.EqualFold(o.Volatility, "VOLATILE") {
			b.WriteString(" " + strings.ToUpper(o.Volatility))
		}
		if o.Strict {
			b.WriteString(" STRICT")
		}
		if o.Leakproof {
			b.WriteString(" LEAKPROOF")
		}
		if o.Parallel != "" && !strings.EqualFold(o.Parallel, "UNSAFE") {
			b.WriteString(" PARALLEL " + strings.ToUpper(o.Parallel))
		}
		if o.Cost != 0 {
			b.WriteString(" COST " + strconv.FormatFloat(o.Cost, 'g', -1, 64))
		}
		if o.Rows != 0 {
			b.WriteString(" ROWS " + strconv.FormatFloat(o.Rows, 'g', -1, 64))
		}
	}
	if o.SecurityDefiner {
		b.WriteString(" SECURITY DEFINER")
	}
	if o.Support != "" {
		b.WriteString(" SUPPORT " + o.Support)
	}
	for _, c := range o.Config {
		b.WriteString("\n " + pgsql.SetClause(c))
	}
	switch {
	case o.StandardBody:
		b.WriteString("\n" + o.Body)
	case o.Library != "":
		b.WriteString("\nAS " + QuoteLiteral(o.Library) + ", " + QuoteLiteral(o.Body))
	default:
		b.WriteString("\nAS " + DollarQuote(o.Body))
	}
	out := []string{b.String()}
	if o.Comment != "" {
		out = append(out, commentSQL(o.kind(), name+"("+o.IdentityArgs()+")", o.Comment))
	}
	return out, nil
}

// Reverse drops the function.
func (o CreateFunction) Reverse() (Operation, error) {
	return DropFunction{Schema: o.Schema, Name: o.Name, Args: o.IdentityArgs(), Procedure: o.Procedure}, nil
}

// DollarQuote quotes s with a dollar-quote tag that does not occur in it.
func DollarQuote(s string) string {
	tag := "$$"
	for i := 0; strings.Contains(s, tag); i++ {
		tag = "$fn" + strconv.Itoa(i) + "$"
	}
	return tag + s + tag
}

// DropFunction drops a function or procedure, identified by its argument
// types.
type DropFunction struct {
	Schema string
	Name   string
	// Args are the identifying argument types, as "integer, text[]".
	Args      string
	Procedure bool
	IfExists  bool
}

// Statements renders DROP FUNCTION or DROP PROCEDURE.
func (o DropFunction) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("DropFunction", "Name is empty")
	}
	kind := "FUNCTION"
	if o.Procedure {
		kind = "PROCEDURE"
	}
	return one("DROP " + kind + " " + ifExists(o.IfExists) + QualifiedName(o.Schema, o.Name) + "(" + o.Args + ")")
}
