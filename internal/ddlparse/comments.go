package ddlparse

import (
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// comment handles COMMENT ON for every kind of object the model carries a
// comment for. COMMENT ... IS NULL (or ”) removes the comment.
func (b *builder) comment(s *pg.CommentStmt) error {
	target, err := b.commentTarget(s)
	if err != nil {
		return err
	}
	*target = s.Comment
	return nil
}

// commentTarget returns the Comment field of the object a COMMENT ON names.
func (b *builder) commentTarget(s *pg.CommentStmt) (*string, error) {
	if c, ok, err := b.definitionComment(s); ok || err != nil {
		return c, err
	}
	names := func() []string { return sqlnorm.Strings(s.Object.GetList().GetItems()) }
	// qualified splits a name list into a relation reference and the rest.
	rel := func(parts []string) *pg.RangeVar {
		rv := &pg.RangeVar{Relname: parts[len(parts)-1], Location: -1, Inh: true}
		if len(parts) > 1 {
			rv.Schemaname = parts[len(parts)-2]
		}
		return rv
	}
	switch s.Objtype {
	case pg.ObjectType_OBJECT_SCHEMA:
		name := s.Object.GetString_().GetSval()
		if sc := b.schemas[name]; sc != nil {
			return &sc.Comment, nil
		}
		return nil, b.errorAt(-1, ErrUndefined, "schema %s does not exist", name)
	case pg.ObjectType_OBJECT_EXTENSION:
		name := s.Object.GetString_().GetSval()
		if e := b.extensions[name]; e != nil {
			if e.info != nil && s.Comment == e.info.Comment {
				// The extension's own comment is implied.
				var discard string
				return &discard, nil
			}
			return &e.m.Comment, nil
		}
		return nil, b.errorAt(-1, ErrUndefined, "extension %s does not exist", name)
	case pg.ObjectType_OBJECT_TABLE, pg.ObjectType_OBJECT_VIEW, pg.ObjectType_OBJECT_MATVIEW,
		pg.ObjectType_OBJECT_SEQUENCE, pg.ObjectType_OBJECT_INDEX:
		n, err := b.relation(rel(names()))
		if err != nil {
			return nil, err
		}
		switch {
		case b.tables[n] != nil && s.Objtype == pg.ObjectType_OBJECT_TABLE:
			return &b.tables[n].m.Comment, nil
		case b.views[n] != nil && s.Objtype != pg.ObjectType_OBJECT_TABLE:
			return &b.views[n].m.Comment, nil
		case b.sequences[n] != nil && s.Objtype == pg.ObjectType_OBJECT_SEQUENCE:
			return &b.sequences[n].m.Comment, nil
		case b.indexes[n] != nil && s.Objtype == pg.ObjectType_OBJECT_INDEX:
			ix := b.indexes[n]
			if ix.constraint != nil {
				return nil, b.unsupported("COMMENT ON INDEX of an index that implements a constraint (comment on the constraint)")
			}
			return &ix.m.Comment, nil
		}
		return nil, b.errorAt(-1, ErrUndefined, "%s %s does not exist", strings.ToLower(strings.TrimPrefix(s.Objtype.String(), "OBJECT_")), n)
	case pg.ObjectType_OBJECT_COLUMN:
		parts := names()
		if len(parts) < 2 {
			return nil, b.errorAt(-1, ErrInvalid, "column name must be qualified")
		}
		col := parts[len(parts)-1]
		// A composite type's attribute: the type is no relation of the
		// files, though PostgreSQL keeps one behind it.
		if a := b.compositeAttribute(parts[:len(parts)-1], col); a != nil {
			return &a.Comment, nil
		}
		n, err := b.relation(rel(parts[:len(parts)-1]))
		if err != nil {
			return nil, err
		}
		if d := b.definitions[model.ObjectID{Kind: model.KindForeignTable, Name: n}]; d != nil {
			for _, c := range d.Columns {
				if c.Name == col {
					return &c.Comment, nil
				}
			}
			return nil, b.errorAt(-1, ErrUndefined, "column %s of relation %s does not exist", col, n)
		}
		if t := b.tables[n]; t != nil {
			if c := t.m.Column(col); c != nil {
				return &c.Comment, nil
			}
			return nil, b.errorAt(-1, ErrUndefined, "column %s of relation %s does not exist", col, n)
		}
		if v := b.views[n]; v != nil {
			if !slices.Contains(v.columns, col) {
				return nil, b.errorAt(-1, ErrUndefined, "column %s of relation %s does not exist", col, n)
			}
			return &v.detail(col).Comment, nil
		}
		return nil, b.errorAt(-1, ErrUndefined, "relation %s does not exist", n)
	case pg.ObjectType_OBJECT_TABCONSTRAINT, pg.ObjectType_OBJECT_TRIGGER, pg.ObjectType_OBJECT_POLICY:
		parts := names()
		if len(parts) < 2 {
			return nil, b.errorAt(-1, ErrInvalid, "invalid object name")
		}
		n, err := b.relation(rel(parts[:len(parts)-1]))
		if err != nil {
			return nil, err
		}
		name := parts[len(parts)-1]
		switch s.Objtype {
		case pg.ObjectType_OBJECT_TABCONSTRAINT:
			if t := b.tables[n]; t != nil {
				if c := t.m.Constraint(name); c != nil {
					return &c.Comment, nil
				}
			}
		case pg.ObjectType_OBJECT_TRIGGER:
			for _, tr := range b.triggers[n] {
				if tr.Name == name {
					return &tr.Comment, nil
				}
			}
		default:
			if t := b.tables[n]; t != nil {
				for _, p := range t.m.Policies {
					if p.Name == name {
						return &p.Comment, nil
					}
				}
			}
		}
		return nil, b.errorAt(-1, ErrUndefined, "%s %s on %s does not exist",
			strings.ToLower(strings.TrimPrefix(s.Objtype.String(), "OBJECT_")), name, n)
	case pg.ObjectType_OBJECT_TYPE, pg.ObjectType_OBJECT_DOMAIN:
		n, err := b.typeRef(s.Object.GetTypeName().GetNames())
		if err != nil {
			return nil, err
		}
		switch {
		case b.enums[n] != nil:
			return &b.enums[n].Comment, nil
		case b.domains[n] != nil:
			return &b.domains[n].Comment, nil
		case b.composites[n] != nil:
			return &b.composites[n].Comment, nil
		}
		return nil, b.errorAt(-1, ErrUndefined, "type %s does not exist", n)
	case pg.ObjectType_OBJECT_DOMCONSTRAINT:
		items := s.Object.GetList().GetItems()
		n, err := b.typeRef(items[0].GetTypeName().GetNames())
		if err != nil {
			return nil, err
		}
		name := items[1].GetString_().GetSval()
		if d := b.domains[n]; d != nil {
			for _, c := range d.Checks {
				if c.Name == name {
					return &c.Comment, nil
				}
			}
		}
		return nil, b.errorAt(-1, ErrUndefined, "constraint %s for domain %s does not exist", name, n)
	case pg.ObjectType_OBJECT_COLLATION:
		parts := names()
		n := model.Name{Name: parts[len(parts)-1]}
		if len(parts) == 2 {
			n.Schema = parts[0]
		} else {
			n.Schema, _ = b.ns().Resolve(sqlnorm.KindCollation, n.Name)
		}
		if c := b.collations[n]; c != nil {
			return &c.Comment, nil
		}
		return nil, b.errorAt(-1, ErrUndefined, "collation %s does not exist", n)
	case pg.ObjectType_OBJECT_FUNCTION, pg.ObjectType_OBJECT_PROCEDURE, pg.ObjectType_OBJECT_ROUTINE:
		f, err := b.functionByArgs(s.Object.GetObjectWithArgs())
		if err != nil {
			return nil, err
		}
		return &f.Comment, nil
	}
	return nil, b.unsupported("COMMENT ON " + strings.ReplaceAll(strings.TrimPrefix(s.Objtype.String(), "OBJECT_"), "_", " "))
}

// compositeAttribute returns the attribute of the composite type a
// possibly qualified name names, or nil.
func (b *builder) compositeAttribute(typ []string, attr string) *model.Attribute {
	n, err := b.nameRef(sqlnorm.KindType, sqlnorm.StringNodes(typ...))
	if err != nil || b.composites[n] == nil {
		return nil
	}
	for _, a := range b.composites[n].Attributes {
		if a.Name == attr {
			return a
		}
	}
	return nil
}

// functionByArgs finds the function a name with argument types names. An
// unqualified name is looked up in each schema of the search path that has
// a function of the name, in order, as PostgreSQL does: a built-in
// function of the name (area, length) does not hide a user's of other
// argument types.
func (b *builder) functionByArgs(o *pg.ObjectWithArgs) (*model.Function, error) {
	n, err := b.nameRef(sqlnorm.KindFunction, o.Objname)
	if err != nil {
		return nil, err
	}
	if parts := sqlnorm.Strings(o.Objname); len(parts) == 1 && !o.ArgsUnspecified {
		for _, s := range b.ns().Candidates(sqlnorm.KindFunction, parts[0]) {
			if s != "pg_catalog" {
				if f, err := b.functionOf(model.Name{Schema: s, Name: parts[0]}, o); err == nil {
					return f, nil
				}
			}
		}
	}
	return b.functionOf(n, o)
}

// functionOf finds the function of a qualified name with the argument
// types o gives.
func (b *builder) functionOf(n model.Name, o *pg.ObjectWithArgs) (*model.Function, error) {
	fns := b.functions[n]
	if o.ArgsUnspecified {
		if len(fns) == 1 {
			return fns[0], nil
		}
		return nil, b.errorAt(-1, ErrInvalid, "function name %s is not unique", n)
	}
	var args []string
	for _, a := range o.Objargs {
		typ, err := b.typeName(a.GetTypeName(), sqlnorm.BareType)
		if err != nil {
			return nil, err
		}
		args = append(args, typ)
	}
	want := strings.Join(args, ", ")
	for _, f := range fns {
		var in []string
		for _, a := range f.Args {
			if a.Mode != "OUT" && a.Mode != "TABLE" {
				in = append(in, a.Type)
			}
		}
		if strings.Join(in, ", ") == want {
			return f, nil
		}
	}
	return nil, b.errorAt(-1, ErrUndefined, "function %s(%s) does not exist", n, want)
}
