package ddlparse

import (
	"slices"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// typeTaken reports whether a type name is in use: enums, domains,
// composites and the row types of tables and views share pg_type.
func (b *builder) typeTaken(n model.Name) bool {
	return b.enums[n] != nil || b.domains[n] != nil || b.composites[n] != nil ||
		b.tables[n] != nil || b.views[n] != nil || b.sequences[n] != nil
}

func (b *builder) createEnum(s *pg.CreateEnumStmt) error {
	n, err := b.createNameList(s.TypeName, -1)
	if err != nil {
		return err
	}
	if b.typeTaken(n) {
		return b.errorAt(-1, ErrInvalid, "type %s already exists", n)
	}
	e := &model.Enum{Name: n, Values: sqlnorm.Strings(s.Vals)}
	b.initAccess(&e.Access, model.KindEnum, n.Schema)
	b.enums[n] = e
	return nil
}

// typeRef resolves a reference to an existing type by a list of names.
func (b *builder) typeRef(names []*pg.Node) (model.Name, error) {
	return b.nameRef(sqlnorm.KindType, names)
}

func (b *builder) alterEnum(s *pg.AlterEnumStmt) error {
	n, err := b.typeRef(s.TypeName)
	if err != nil {
		return err
	}
	e := b.enums[n]
	if e == nil {
		return b.errorAt(-1, ErrUndefined, "enum type %s does not exist", n)
	}
	if s.OldVal != "" {
		i := slices.Index(e.Values, s.OldVal)
		if i < 0 {
			return b.errorAt(-1, ErrInvalid, "%q is not an existing enum label", s.OldVal)
		}
		e.Values[i] = s.NewVal
		return nil
	}
	if slices.Contains(e.Values, s.NewVal) {
		if s.SkipIfNewValExists {
			return nil
		}
		return b.errorAt(-1, ErrInvalid, "enum label %q already exists", s.NewVal)
	}
	at := len(e.Values)
	if s.NewValNeighbor != "" {
		i := slices.Index(e.Values, s.NewValNeighbor)
		if i < 0 {
			return b.errorAt(-1, ErrInvalid, "%q is not an existing enum label", s.NewValNeighbor)
		}
		at = i
		if s.NewValIsAfter {
			at = i + 1
		}
	}
	e.Values = slices.Insert(e.Values, at, s.NewVal)
	return nil
}

func (b *builder) createComposite(s *pg.CompositeTypeStmt) error {
	n, err := b.createName(s.Typevar)
	if err != nil {
		return err
	}
	if b.typeTaken(n) || b.relationExists(n.Schema, n.Name) {
		return b.errorAt(s.Typevar.Location, ErrInvalid, "type %s already exists", n)
	}
	c := &model.Composite{Name: n}
	for _, e := range s.Coldeflist {
		a, err := b.attribute(e.GetColumnDef())
		if err != nil {
			return err
		}
		c.Attributes = append(c.Attributes, a)
	}
	b.initAccess(&c.Access, model.KindComposite, n.Schema)
	b.composites[n] = c
	// A composite type has a pg_class entry, which takes the name.
	b.takeRelname(n.Schema, n.Name)
	return nil
}

// attribute builds a composite type's attribute from its definition.
func (b *builder) attribute(cd *pg.ColumnDef) (*model.Attribute, error) {
	typ, err := b.typeName(cd.TypeName, sqlnorm.ColumnType)
	if err != nil {
		return nil, err
	}
	coll, err := b.collation(cd.CollClause, typ)
	if err != nil {
		return nil, err
	}
	return &model.Attribute{Name: cd.Colname, Type: typ, Collation: coll}, nil
}

// alterComposite applies ALTER TYPE ... ADD, DROP and ALTER ATTRIBUTE to a
// composite type, as PostgreSQL does: an attribute's type cannot change
// while a table column holds values of the type.
func (b *builder) alterComposite(s *pg.AlterTableStmt) error {
	n, err := b.rangeVarRef(sqlnorm.KindType, s.Relation)
	if err != nil {
		return err
	}
	c := b.composites[n]
	if c == nil {
		return b.errorAt(s.Relation.Location, ErrInvalid, "%s is not a composite type", n)
	}
	for _, node := range s.Cmds {
		cmd := node.GetAlterTableCmd()
		i := slices.IndexFunc(c.Attributes, func(a *model.Attribute) bool { return a.Name == cmd.Name })
		switch cmd.Subtype {
		case pg.AlterTableType_AT_AddColumn:
			a, err := b.attribute(cmd.Def.GetColumnDef())
			if err != nil {
				return err
			}
			if slices.ContainsFunc(c.Attributes, func(x *model.Attribute) bool { return x.Name == a.Name }) {
				return b.errorAt(-1, ErrInvalid, "column %s of relation %s already exists", a.Name, n.Name)
			}
			c.Attributes = append(c.Attributes, a)
		case pg.AlterTableType_AT_DropColumn:
			if i < 0 {
				if cmd.MissingOk {
					continue
				}
				return b.errorAt(-1, ErrUndefined, "column %s of relation %s does not exist", cmd.Name, n.Name)
			}
			c.Attributes = slices.Delete(c.Attributes, i, i+1)
		case pg.AlterTableType_AT_AlterColumnType:
			if i < 0 {
				return b.errorAt(-1, ErrUndefined, "column %s of relation %s does not exist", cmd.Name, n.Name)
			}
			if t, col := b.compositeUser(n); t != "" {
				return b.errorAt(-1, ErrInvalid, "cannot alter type %s because column %s.%s uses it", n, t, col)
			}
			cd := cmd.Def.GetColumnDef()
			cd.Colname = cmd.Name
			a, err := b.attribute(cd)
			if err != nil {
				return err
			}
			c.Attributes[i] = a
		default:
			return b.unsupported("ALTER TYPE " + atName(cmd.Subtype))
		}
	}
	return nil
}

// compositeUser returns a table column that holds values of a composite
// type (or arrays of them), or "" when none does.
func (b *builder) compositeUser(n model.Name) (table, column string) {
	for _, tn := range b.tableNames() {
		for _, col := range b.tables[tn].m.Columns {
			if pt, err := pgsql.ParseType(col.Type); err == nil && pt.Schema == n.Schema && pt.Name == n.Name {
				return tn.Name, col.Name
			}
		}
	}
	return "", ""
}

func (b *builder) createDomain(s *pg.CreateDomainStmt) error {
	n, err := b.createNameList(s.Domainname, s.TypeName.GetLocation())
	if err != nil {
		return err
	}
	if b.typeTaken(n) {
		return b.errorAt(-1, ErrInvalid, "type %s already exists", n)
	}
	typ, err := b.typeName(s.TypeName, sqlnorm.ColumnType)
	if err != nil {
		return err
	}
	d := &model.Domain{Name: n, Type: typ}
	if d.Collation, err = b.collation(s.CollClause, typ); err != nil {
		return err
	}
	b.initAccess(&d.Access, model.KindDomain, n.Schema)
	b.domains[n] = d
	for _, c := range s.Constraints {
		if err := b.domainConstraint(d, c.GetConstraint(), false); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) domainConstraint(d *model.Domain, c *pg.Constraint, alter bool) error {
	switch c.Contype {
	case pg.ConstrType_CONSTR_NOTNULL:
		d.NotNull = true
	case pg.ConstrType_CONSTR_NULL:
		d.NotNull = false
	case pg.ConstrType_CONSTR_DEFAULT:
		if sqlnorm.IsNullConst(c.RawExpr) {
			d.Default = nil
			return nil
		}
		e, err := b.expr(c.RawExpr, d.Type)
		if err != nil {
			return err
		}
		d.Default = e
	case pg.ConstrType_CONSTR_CHECK:
		name := c.Conname
		if name == "" {
			name = b.chooseConstraintName(d.Name.Schema, d.Name.Name, "", "check", nil)
		}
		for _, x := range d.Checks {
			if x.Name == name {
				return b.errorAt(c.Location, ErrInvalid, "constraint %s for domain %s already exists", name, d.Name)
			}
		}
		e, err := b.expr(c.RawExpr, "")
		if err != nil {
			return err
		}
		b.takeConname(d.Name.Schema, name)
		d.Checks = append(d.Checks, &model.DomainCheck{Name: name, Expr: *e, NotValid: alter && c.SkipValidation})
	default:
		return b.errorAt(c.Location, ErrUnsupported, "this domain constraint is not supported")
	}
	return nil
}

func (b *builder) alterDomain(s *pg.AlterDomainStmt) error {
	n, err := b.typeRef(s.TypeName)
	if err != nil {
		return err
	}
	d := b.domains[n]
	if d == nil {
		return b.errorAt(-1, ErrUndefined, "domain %s does not exist", n)
	}
	switch s.Subtype {
	case "C":
		return b.domainConstraint(d, s.Def.GetConstraint(), true)
	case "T":
		if s.Def == nil || sqlnorm.IsNullConst(s.Def) {
			d.Default = nil
			return nil
		}
		e, err := b.expr(s.Def, d.Type)
		if err != nil {
			return err
		}
		d.Default = e
	case "O":
		d.NotNull = true
	case "N":
		d.NotNull = false
	case "V":
		for _, c := range d.Checks {
			if c.Name == s.Name {
				c.NotValid = false
				return nil
			}
		}
		return b.errorAt(-1, ErrUndefined, "constraint %s of domain %s does not exist", s.Name, n)
	case "X":
		i := slices.IndexFunc(d.Checks, func(c *model.DomainCheck) bool { return c.Name == s.Name })
		switch {
		case i >= 0:
			d.Checks = slices.Delete(d.Checks, i, i+1)
		case !s.MissingOk:
			return b.errorAt(-1, ErrUndefined, "constraint %s of domain %s does not exist", s.Name, n)
		}
	default:
		return b.unsupported("this ALTER DOMAIN")
	}
	return nil
}
