package sqlnorm

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// Foreign-data wrappers, servers, user mappings and foreign tables. Their
// generic OPTIONS are settings ("OPTION name"), which ALTER ... OPTIONS
// (ADD/SET/DROP) changes in place.

// fdw builds CREATE FOREIGN DATA WRAPPER.
func (d *definer) fdw(s *pg.CreateFdwStmt) (*model.Definition, error) {
	sql := "CREATE FOREIGN DATA WRAPPER " + pgsql.QuoteIdent(s.Fdwname)
	var handler, validator string
	for _, n := range s.FuncOptions {
		de := n.GetDefElem()
		if de.Arg == nil {
			continue // NO HANDLER, NO VALIDATOR
		}
		fn, err := d.function(defNames(de.Arg))
		if err != nil {
			return nil, err
		}
		switch strings.ToLower(de.Defname) {
		case "handler":
			handler = fn
		case "validator":
			validator = fn
		}
	}
	if handler != "" {
		sql += " HANDLER " + handler
	}
	if validator != "" {
		sql += " VALIDATOR " + validator
	}
	opts, err := genericOptions(s.Options)
	if err != nil {
		return nil, err
	}
	return &model.Definition{ID: model.ObjectID{Kind: model.KindFDW, Name: model.Name{Name: s.Fdwname}},
		Create: d.expr(sql), Settings: opts}, nil
}

// server builds CREATE SERVER; its VERSION is a setting.
func (d *definer) server(s *pg.CreateForeignServerStmt) (*model.Definition, error) {
	if s.IfNotExists {
		return nil, defError("CREATE SERVER IF NOT EXISTS")
	}
	d.q.refs[model.Ref{Kind: model.RefFDW, Name: model.Name{Name: s.Fdwname}}] = true
	sql := "CREATE SERVER " + pgsql.QuoteIdent(s.Servername)
	if s.Servertype != "" {
		sql += " TYPE " + pgsql.QuoteLiteral(s.Servertype)
	}
	sql += " FOREIGN DATA WRAPPER " + pgsql.QuoteIdent(s.Fdwname)
	opts, err := genericOptions(s.Options)
	if err != nil {
		return nil, err
	}
	def := &model.Definition{ID: model.ObjectID{Kind: model.KindServer, Name: model.Name{Name: s.Servername}},
		Create: d.expr(sql), Settings: opts}
	serverVersion(def, s.Version, s.Version != "")
	return def, nil
}

// serverVersion records a server's VERSION.
func serverVersion(def *model.Definition, version string, has bool) {
	removeSetting(def, "VERSION")
	if has {
		v := pgsql.QuoteLiteral(version)
		setSetting(def, model.Setting{Name: "VERSION", Value: model.Expr{SQL: "VERSION " + v, Canon: v}, Reset: "VERSION NULL"})
	}
}

// roleName returns the role a user mapping is for: "public" for PUBLIC.
// CURRENT_USER and the like depend on who runs the statement, which the
// SQL reader cannot know.
func roleName(r *pg.RoleSpec) (string, error) {
	switch r.Roletype {
	case pg.RoleSpecType_ROLESPEC_CSTRING:
		return r.Rolename, nil
	case pg.RoleSpecType_ROLESPEC_PUBLIC:
		return "public", nil
	}
	return "", defError("USER MAPPING FOR %s (name the role)", strings.TrimPrefix(r.Roletype.String(), "ROLESPEC_"))
}

// userMapping builds CREATE USER MAPPING. Its ID names the server (Name)
// and the role (Member).
func (d *definer) userMapping(s *pg.CreateUserMappingStmt) (*model.Definition, error) {
	if s.IfNotExists {
		return nil, defError("CREATE USER MAPPING IF NOT EXISTS")
	}
	role, err := roleName(s.User)
	if err != nil {
		return nil, err
	}
	d.q.refs[model.Ref{Kind: model.RefServer, Name: model.Name{Name: s.Servername}}] = true
	sql := "CREATE USER MAPPING FOR " + pgsql.RoleSpec(role) + " SERVER " + pgsql.QuoteIdent(s.Servername)
	opts, err := genericOptions(s.Options)
	if err != nil {
		return nil, err
	}
	return &model.Definition{ID: model.ObjectID{Kind: model.KindUserMapping, Name: model.Name{Name: s.Servername}, Member: role},
		Create: d.expr(sql), Settings: opts}, nil
}

// foreignTable builds CREATE FOREIGN TABLE: columns with their types,
// collations, NOT NULL, defaults and options, CHECK constraints (named:
// the SQL reader names unnamed ones as PostgreSQL does, see
// Namespace.ConstraintName), the server; the table's OPTIONS are
// settings. Inheritance, partitions and generated columns are refused.
func (d *definer) foreignTable(s *pg.CreateForeignTableStmt) (*model.Definition, error) {
	base := s.BaseStmt
	if len(base.InhRelations) > 0 || base.Partbound != nil || base.OfTypename != nil {
		return nil, defError("a foreign table that inherits, is a partition or is typed")
	}
	name, err := d.relName(base.Relation)
	if err != nil {
		return nil, err
	}
	qname := pgsql.QualifiedName(name.Schema, name.Name)
	var cols, colCanons []string
	var checks []*pg.Constraint
	var colNames []string
	var columns []*model.Column
	var colOpts []model.Setting
	for _, n := range base.TableElts {
		if c := n.GetConstraint(); c != nil {
			if c.Contype != pg.ConstrType_CONSTR_CHECK {
				return nil, defError("a %s constraint on a foreign table", strings.TrimPrefix(c.Contype.String(), "CONSTR_"))
			}
			checks = append(checks, c)
			continue
		}
		cd := n.GetColumnDef()
		if cd == nil {
			return nil, defError("LIKE in CREATE FOREIGN TABLE")
		}
		colNames = append(colNames, cd.Colname)
		columns = append(columns, &model.Column{Name: cd.Colname})
	}
	// Expressions of the table see its columns.
	ns := *d.ns
	ns.Columns = func(n model.Name) ([]string, bool) {
		if n == name {
			return colNames, true
		}
		return d.ns.columnsOf(n)
	}
	for _, n := range base.TableElts {
		cd := n.GetColumnDef()
		if cd == nil {
			continue
		}
		typ, err := d.columnType(cd.TypeName)
		if err != nil {
			return nil, err
		}
		col := pgsql.QuoteIdent(cd.Colname) + " " + typ
		opts, err := genericOptions(cd.Fdwoptions)
		if err != nil {
			return nil, err
		}
		for _, o := range opts {
			colOpts = append(colOpts, columnOption(cd.Colname, o))
		}
		if cd.CollClause != nil {
			coll, err := d.name(KindCollation, model.RefCollation, Strings(cd.CollClause.Collname))
			if err != nil {
				return nil, err
			}
			if coll != (model.Name{Schema: "pg_catalog", Name: "default"}) {
				col += " COLLATE " + sqlName(coll)
			}
		}
		canon := col
		notNull := false
		var def *model.Expr
		for _, cn := range cd.Constraints {
			c := cn.GetConstraint()
			switch c.Contype {
			case pg.ConstrType_CONSTR_NOTNULL:
				notNull = true
			case pg.ConstrType_CONSTR_NULL:
			case pg.ConstrType_CONSTR_DEFAULT:
				if !IsNullConst(c.RawExpr) {
					if def, err = ns.Expr(c.RawExpr, typ); err != nil {
						return nil, err
					}
				}
			case pg.ConstrType_CONSTR_CHECK:
				if c.Conname == "" {
					c.Conname = d.ns.constraintName(name, []string{cd.Colname})
				}
				checks = append(checks, c)
			default:
				return nil, defError("a %s column constraint on a foreign table", strings.TrimPrefix(c.Contype.String(), "CONSTR_"))
			}
		}
		if notNull {
			col, canon = col+" NOT NULL", canon+" NOT NULL"
		}
		if def != nil {
			col, canon = col+" DEFAULT "+def.SQL, canon+" DEFAULT "+def.Canon
			for _, r := range def.Refs {
				d.q.refs[r] = true
			}
		}
		cols, colCanons = append(cols, col), append(colCanons, canon)
	}
	type check struct{ name, sql, canon string }
	var list []check
	for _, c := range checks {
		e, err := ns.Expr(c.RawExpr, "boolean")
		if err != nil {
			return nil, err
		}
		for _, r := range e.Refs {
			d.q.refs[r] = true
		}
		if c.Conname == "" {
			c.Conname = d.ns.constraintName(name, exprColumns(e))
		}
		suffix := ""
		if c.IsNoInherit {
			suffix = " NO INHERIT"
		}
		head := "CONSTRAINT " + pgsql.QuoteIdent(c.Conname) + " CHECK ("
		list = append(list, check{c.Conname, head + e.SQL + ")" + suffix, head + e.Canon + ")" + suffix})
	}
	// PostgreSQL lists constraints by name.
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && list[j].name < list[j-1].name; j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
	for _, c := range list {
		cols, colCanons = append(cols, c.sql), append(colCanons, c.canon)
	}
	d.q.refs[model.Ref{Kind: model.RefServer, Name: model.Name{Name: s.Servername}}] = true
	tail := ") SERVER " + pgsql.QuoteIdent(s.Servername)
	e := d.expr("CREATE FOREIGN TABLE " + qname + " (" + strings.Join(cols, ", ") + tail)
	e.Canon = "CREATE FOREIGN TABLE " + qname + " (" + strings.Join(colCanons, ", ") + tail
	opts, err := genericOptions(s.Options)
	if err != nil {
		return nil, err
	}
	def := &model.Definition{ID: model.ObjectID{Kind: model.KindForeignTable, Name: name}, Create: e, Settings: opts,
		Columns: columns, Provides: []model.Ref{{Kind: model.RefType, Name: name}}}
	for _, o := range colOpts {
		setSetting(def, o)
	}
	return def, nil
}

// columnOption turns an option setting into the same option of a foreign
// table's column, which ALTER COLUMN ... OPTIONS changes in place.
func columnOption(column string, o model.Setting) model.Setting {
	col := pgsql.QuoteIdent(column)
	return model.Setting{Name: "COLUMN " + column + " " + o.Name,
		Value: model.Expr{SQL: "ALTER COLUMN " + col + " " + o.Value.SQL, Canon: o.Value.Canon}, Reset: "ALTER COLUMN " + col + " " + o.Reset}
}

// relName resolves the name a CREATE gives a relation.
func (d *definer) relName(rv *pg.RangeVar) (model.Name, error) {
	if rv.Schemaname != "" {
		return model.Name{Schema: rv.Schemaname, Name: rv.Relname}, nil
	}
	return d.createName([]string{rv.Relname})
}

// exprColumns returns the columns of its own table an expression uses.
func exprColumns(e *model.Expr) []string {
	var out []string
	for _, r := range e.Refs {
		if r.Kind == model.RefColumn && r.Name.Name == "" {
			out = append(out, r.Column)
		}
	}
	return out
}

// constraintName chooses the name of an unnamed CHECK as PostgreSQL does:
// table_column_check for an expression over one column, table_check
// otherwise, made unique by the namespace's hook.
func (ns *Namespace) constraintName(table model.Name, columns []string) string {
	col := ""
	if len(columns) == 1 {
		col = columns[0]
	}
	if ns.ConstraintName != nil {
		return ns.ConstraintName(table, col, "check")
	}
	if col != "" {
		return table.Name + "_" + col + "_check"
	}
	return table.Name + "_check"
}
