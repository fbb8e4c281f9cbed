package ddlparse

import (
	"slices"
	"strconv"
	"strings"

	"github.com/autogen-dev/autogen/internal/pgsql"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

var paramModes = map[pg.FunctionParameterMode]string{
	pg.FunctionParameterMode_FUNC_PARAM_IN: "IN", pg.FunctionParameterMode_FUNC_PARAM_DEFAULT: "IN",
	pg.FunctionParameterMode_FUNC_PARAM_OUT: "OUT", pg.FunctionParameterMode_FUNC_PARAM_INOUT: "INOUT",
	pg.FunctionParameterMode_FUNC_PARAM_VARIADIC: "VARIADIC", pg.FunctionParameterMode_FUNC_PARAM_TABLE: "TABLE",
}

// createFunction handles CREATE [OR REPLACE] FUNCTION and PROCEDURE. Every
// attribute is stored with its effective value, so that an omitted option
// and its default compare equal.
func (b *builder) createFunction(s *pg.CreateFunctionStmt) error {
	n, err := b.createNameList(s.Funcname, -1)
	if err != nil {
		return err
	}
	f := &model.Function{Name: n, Procedure: s.IsProcedure, Volatility: "VOLATILE", Security: "INVOKER",
		Parallel: "UNSAFE"}
	var tableCols []string
	var outTypes []string
	for _, p := range s.Parameters {
		fp := p.GetFunctionParameter()
		typ, err := b.typeName(fp.ArgType, sqlnorm.BareType)
		if err != nil {
			return err
		}
		arg := model.FuncArg{Mode: paramModes[fp.Mode], Name: fp.Name, Type: typ}
		if fp.Defexpr != nil {
			if arg.Default, err = b.expr(fp.Defexpr, typ); err != nil {
				return err
			}
		}
		switch arg.Mode {
		case "TABLE":
			tableCols = append(tableCols, pgsql.QuoteIdent(fp.Name)+" "+typ)
		case "OUT", "INOUT":
			outTypes = append(outTypes, typ)
		}
		f.Args = append(f.Args, arg)
	}
	setof := false
	switch {
	case s.IsProcedure:
	case len(tableCols) > 0:
		f.Returns = "TABLE(" + strings.Join(tableCols, ", ") + ")"
		setof = true
	case s.ReturnType != nil:
		typ, err := b.typeName(s.ReturnType, sqlnorm.BareType)
		if err != nil {
			return err
		}
		f.Returns = typ
		if s.ReturnType.Setof {
			f.Returns, setof = "SETOF "+typ, true
		}
	case len(outTypes) == 1:
		f.Returns = outTypes[0]
	case len(outTypes) > 1:
		f.Returns = "record"
	default:
		return b.errorAt(-1, ErrInvalid, "function result type must be specified")
	}
	var body []string
	rowsGiven := false
	for _, o := range s.Options {
		d := o.GetDefElem()
		switch d.Defname {
		case "as":
			body = sqlnorm.Strings(d.Arg.GetList().GetItems())
		case "language":
			f.Language = strings.ToLower(d.Arg.GetString_().GetSval())
		case "window":
			f.Window = d.Arg.GetBoolean().GetBoolval()
		default:
			if err := b.functionOption(f, d); err != nil {
				return err
			}
			rowsGiven = rowsGiven || d.Defname == "rows"
		}
	}
	switch {
	case s.SqlBody != nil:
		if f.Language == "" {
			f.Language = "sql"
		}
		e, err := b.ns().SQLBody(s.SqlBody, f.Name.Name, f.InNames())
		if err != nil {
			return b.exprError(err)
		}
		f.Body = *e
	case len(body) == 1 && f.Language == "c":
		// AS 'object file': the link symbol is the function's name.
		f.Library = body[0]
		f.Body = model.Expr{SQL: n.Name, Canon: n.Name}
	case len(body) == 1:
		f.Body = model.Expr{SQL: body[0], Canon: body[0]}
	case len(body) == 2:
		// AS 'object file', 'link symbol': PostgreSQL keeps the file in
		// probin and the symbol in prosrc.
		f.Library = body[0]
		f.Body = model.Expr{SQL: body[1], Canon: body[1]}
	default:
		return b.errorAt(-1, ErrInvalid, "no function body specified")
	}
	if f.Language == "" {
		return b.errorAt(-1, ErrInvalid, "no language specified")
	}
	if f.Cost == 0 {
		f.Cost = 100
		if f.Language == "c" || f.Language == "internal" {
			f.Cost = 1
		}
	}
	if setof && !rowsGiven {
		f.Rows = 1000
	}
	if s.IsProcedure {
		f.Rows = 0
	}
	fns := b.functions[n]
	for i, old := range fns {
		if old.IdentityArgs() == f.IdentityArgs() {
			if !s.Replace {
				return b.errorAt(-1, ErrInvalid, "function %s already exists", f.Signature())
			}
			f.Comment = old.Comment
			f.Access = old.Access
			b.accessDone[&f.Access] = true
			fns[i] = f
			return nil
		}
	}
	b.initAccess(&f.Access, f.ID().Kind, n.Schema)
	b.functions[n] = append(fns, f)
	return nil
}

func floatArg(n *pg.Node) (float64, error) {
	if i := n.GetInteger(); i != nil {
		return float64(i.Ival), nil
	}
	if f := n.GetFloat(); f != nil {
		return strconv.ParseFloat(f.Fval, 64)
	}
	s, _ := sqlnorm.ConstText(n)
	return strconv.ParseFloat(s, 64)
}

// functionOption applies one of the options CREATE FUNCTION and ALTER
// FUNCTION share.
func (b *builder) functionOption(f *model.Function, d *pg.DefElem) error {
	var err error
	switch d.Defname {
	case "volatility":
		f.Volatility = strings.ToUpper(d.Arg.GetString_().GetSval())
	case "strict":
		f.Strict = d.Arg.GetBoolean().GetBoolval()
	case "security":
		f.Security = "INVOKER"
		if d.Arg.GetBoolean().GetBoolval() {
			f.Security = "DEFINER"
		}
	case "leakproof":
		f.Leakproof = d.Arg.GetBoolean().GetBoolval()
	case "parallel":
		f.Parallel = strings.ToUpper(d.Arg.GetString_().GetSval())
	case "cost":
		if f.Cost, err = floatArg(d.Arg); err != nil {
			return b.errorAt(d.Location, ErrInvalid, "COST requires a number")
		}
	case "rows":
		if f.Rows, err = floatArg(d.Arg); err != nil {
			return b.errorAt(d.Location, ErrInvalid, "ROWS requires a number")
		}
	case "support":
		n, err := b.functionRef(d.Arg.GetList().GetItems())
		if err != nil {
			return err
		}
		f.Support = pgsql.QualifiedName(n.Schema, n.Name)
		if n.Schema == "pg_catalog" {
			f.Support = pgsql.QuoteIdent(n.Name)
		}
	case "set":
		vs := d.Arg.GetVariableSetStmt()
		switch vs.Kind {
		case pg.VariableSetKind_VAR_RESET_ALL:
			f.Config = nil
			return nil
		case pg.VariableSetKind_VAR_RESET:
			name := pgsql.SettingName(vs.Name)
			f.Config = slices.DeleteFunc(f.Config, func(c string) bool { return strings.HasPrefix(c, name+"=") })
			return nil
		}
		cfg, err := b.functionSetting(vs)
		if err != nil {
			return err
		}
		if cfg != "" {
			// A setting given again replaces the first in its place,
			// as PostgreSQL's proconfig keeps it.
			name, _, _ := strings.Cut(cfg, "=")
			if i := slices.IndexFunc(f.Config, func(c string) bool { return strings.HasPrefix(c, name+"=") }); i >= 0 {
				f.Config[i] = cfg
			} else {
				f.Config = append(f.Config, cfg)
			}
		}
	default:
		return b.errorAt(d.Location, ErrUnsupported, "function option %s is not supported", strings.ToUpper(d.Defname))
	}
	return nil
}

// alterFunction applies ALTER FUNCTION (PROCEDURE, ROUTINE) ... actions:
// volatility, STRICT, SECURITY, LEAKPROOF, PARALLEL, COST, ROWS, SUPPORT
// and SET or RESET of a setting.
func (b *builder) alterFunction(s *pg.AlterFunctionStmt) error {
	f, err := b.functionByArgs(s.Func)
	if err != nil {
		return err
	}
	for _, a := range s.Actions {
		d := a.GetDefElem()
		if d.Defname == "rows" && !strings.HasPrefix(f.Returns, "SETOF ") && !strings.HasPrefix(f.Returns, "TABLE(") {
			return b.errorAt(d.Location, ErrInvalid, "ROWS is not applicable when function does not return a set")
		}
		if err := b.functionOption(f, d); err != nil {
			return err
		}
	}
	return nil
}

// functionSetting renders a SET clause as proconfig stores it:
// "name=value", list elements joined with ", ".
func (b *builder) functionSetting(s *pg.VariableSetStmt) (string, error) {
	name := pgsql.SettingName(s.Name)
	switch s.Kind {
	case pg.VariableSetKind_VAR_SET_VALUE:
	case pg.VariableSetKind_VAR_RESET, pg.VariableSetKind_VAR_SET_DEFAULT:
		return "", nil
	default:
		return "", b.unsupported("SET ... FROM CURRENT in a function")
	}
	var parts []string
	for _, a := range s.Args {
		v, ok := sqlnorm.ConstText(a)
		if !ok {
			return "", b.errorAt(-1, ErrInvalid, "invalid value for %s", name)
		}
		if pgsql.ListSetting(name) {
			v = pgsql.QuoteIdent(v)
		}
		parts = append(parts, v)
	}
	return name + "=" + strings.Join(parts, ", "), nil
}

// functionRef resolves the function a trigger executes: by name, in the
// files or in an extension or a schema the filter leaves out.
func (b *builder) functionRef(names []*pg.Node) (model.Name, error) {
	n, err := b.nameRef(sqlnorm.KindFunction, names)
	if err != nil {
		return n, err
	}
	if len(b.functions[n]) == 0 && !b.unchecked(n.Schema) && !b.inExtension(sqlnorm.KindFunction, n.Schema, n.Name) &&
		!(n.Schema == "pg_catalog" && sqlnorm.IsBuiltin(sqlnorm.KindFunction, n.Name)) {
		return n, b.errorAt(-1, ErrUndefined, "function %s() does not exist", n)
	}
	return n, nil
}
