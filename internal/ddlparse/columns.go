package ddlparse

import (
	"cmp"
	"errors"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/internal/pgsql"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// serialType returns the integer type a serial column type stands for.
func serialType(tn *pg.TypeName) (string, bool) {
	names := sqlnorm.Strings(tn.Names)
	if len(tn.ArrayBounds) > 0 || len(tn.Typmods) > 0 || len(names) == 0 ||
		len(names) == 2 && names[0] != "pg_catalog" || len(names) > 2 {
		return "", false
	}
	typname, ok := pgsql.SerialType(names[len(names)-1])
	if !ok {
		return "", false
	}
	t, err := pgsql.FormatBuiltin(typname, nil, false)
	return t, err == nil
}

// pendingColumn is a column definition whose table-level effects (its
// sequence, its constraints) are applied once the table exists.
type pendingColumn struct {
	col *model.Column
	// serial is set for serial columns.
	serial bool
	// identitySeqName is the SEQUENCE NAME option of an identity column.
	identitySeqName string
	// constraints are the column's CHECK, PRIMARY KEY, UNIQUE and
	// REFERENCES clauses, rewritten as table constraints on the column.
	constraints []*pg.Constraint
}

// columnDef converts a column definition. When the definition has no type
// (a partition's "col WITH OPTIONS"), col is the existing column it
// modifies.
func (b *builder) columnDef(cd *pg.ColumnDef, col *model.Column) (*pendingColumn, error) {
	p := &pendingColumn{col: col}
	if col == nil {
		p.col = &model.Column{Name: cd.Colname}
		if t, ok := serialType(cd.TypeName); ok {
			p.col.Type, p.serial = t, true
			p.col.NotNull = true
		} else {
			t, err := b.typeName(cd.TypeName, sqlnorm.ColumnType)
			if err != nil {
				return nil, err
			}
			p.col.Type = t
		}
	}
	c := p.col
	if cd.Compression != "" {
		if err := b.setCompression(c, cd.Compression, cd.Location); err != nil {
			return nil, err
		}
	}
	if cd.StorageName != "" {
		if err := b.setStorage(c, cd.StorageName, cd.Location); err != nil {
			return nil, err
		}
	}
	if cd.CollClause != nil {
		coll, err := b.collation(cd.CollClause, c.Type)
		if err != nil {
			return nil, err
		}
		c.Collation = coll
	}
	var last *pg.Constraint // the constraint DEFERRABLE and friends modify
	for _, n := range cd.Constraints {
		con := n.GetConstraint()
		switch con.Contype {
		case pg.ConstrType_CONSTR_NOTNULL:
			c.NotNull = true
		case pg.ConstrType_CONSTR_NULL:
			c.NotNull = false
		case pg.ConstrType_CONSTR_DEFAULT:
			if p.serial {
				return nil, b.errorAt(con.Location, ErrInvalid, "multiple default values specified for column %s", c.Name)
			}
			if err := b.setDefault(c, con.RawExpr); err != nil {
				return nil, err
			}
		case pg.ConstrType_CONSTR_IDENTITY:
			if err := b.setIdentity(c, con, p); err != nil {
				return nil, err
			}
		case pg.ConstrType_CONSTR_GENERATED:
			e, err := b.expr(con.RawExpr, c.Type)
			if err != nil {
				return nil, err
			}
			c.Generated = e
		case pg.ConstrType_CONSTR_CHECK, pg.ConstrType_CONSTR_PRIMARY, pg.ConstrType_CONSTR_UNIQUE,
			pg.ConstrType_CONSTR_FOREIGN:
			switch con.Contype {
			case pg.ConstrType_CONSTR_PRIMARY, pg.ConstrType_CONSTR_UNIQUE:
				con.Keys = sqlnorm.StringNodes(c.Name)
			case pg.ConstrType_CONSTR_FOREIGN:
				con.FkAttrs = sqlnorm.StringNodes(c.Name)
			}
			p.constraints = append(p.constraints, con)
			last = con
		case pg.ConstrType_CONSTR_ATTR_DEFERRABLE, pg.ConstrType_CONSTR_ATTR_NOT_DEFERRABLE,
			pg.ConstrType_CONSTR_ATTR_DEFERRED, pg.ConstrType_CONSTR_ATTR_IMMEDIATE:
			if last == nil || last.Contype == pg.ConstrType_CONSTR_CHECK {
				return nil, b.errorAt(con.Location, ErrInvalid, "misplaced constraint attribute")
			}
			applyConstraintAttr(last, con.Contype)
		default:
			return nil, b.errorAt(con.Location, ErrUnsupported, "this column constraint is not supported")
		}
	}
	if c.Identity != nil {
		c.NotNull = true
	}
	return p, nil
}

// applyConstraintAttr applies DEFERRABLE, NOT DEFERRABLE, INITIALLY
// DEFERRED or INITIALLY IMMEDIATE to the constraint before it. INITIALLY
// DEFERRED implies DEFERRABLE.
func applyConstraintAttr(c *pg.Constraint, attr pg.ConstrType) {
	switch attr {
	case pg.ConstrType_CONSTR_ATTR_DEFERRABLE:
		c.Deferrable = true
	case pg.ConstrType_CONSTR_ATTR_NOT_DEFERRABLE:
		c.Deferrable = false
	case pg.ConstrType_CONSTR_ATTR_DEFERRED:
		c.Initdeferred, c.Deferrable = true, true
	case pg.ConstrType_CONSTR_ATTR_IMMEDIATE:
		c.Initdeferred = false
	}
}

// setDefault sets a column default. DEFAULT NULL means no default, as
// PostgreSQL stores none for a bare NULL constant, except for a type with
// a length or precision: the coercion to it makes the NULL an expression,
// which PostgreSQL stores (NULL::character varying).
func (b *builder) setDefault(c *model.Column, n *pg.Node) error {
	if n == nil || sqlnorm.IsNullConst(n) && !strings.Contains(c.Type, "(") {
		c.Default = nil
		return nil
	}
	e, err := b.expr(n, c.Type)
	var perr *Error
	if errors.As(err, &perr) {
		perr.Msg = "default of column " + pgsql.QuoteIdent(c.Name) + ": " + perr.Msg
	}
	if err != nil {
		return err
	}
	c.Default = e
	return nil
}

// setIdentity makes a column an identity column with the clause's
// sequence options.
func (b *builder) setIdentity(c *model.Column, con *pg.Constraint, p *pendingColumn) error {
	if c.Type != "smallint" && c.Type != "integer" && c.Type != "bigint" {
		return b.errorAt(con.Location, ErrInvalid, "identity column type must be smallint, integer, or bigint")
	}
	opts, _, err := b.sequenceOptions(nil, c.Type, con.Options)
	if err != nil {
		return err
	}
	for _, o := range con.Options {
		if d := o.GetDefElem(); d.Defname == "sequence_name" {
			names := sqlnorm.Strings(d.Arg.GetList().GetItems())
			p.identitySeqName = names[len(names)-1]
		}
	}
	c.Identity = &model.Identity{Always: con.GeneratedWhen == "a", SequenceOptions: opts}
	c.NotNull = true
	return nil
}

// setStorage sets SET STORAGE; the type's default storage is not stored.
func (b *builder) setStorage(c *model.Column, storage string, loc int32) error {
	s := strings.ToLower(storage)
	switch s {
	case "plain", "external", "extended", "main":
	case "default":
		c.Storage = ""
		return nil
	default:
		return b.errorAt(loc, ErrInvalid, "invalid storage type %s", storage)
	}
	if s == b.typeStorage(c.Type) {
		s = ""
	}
	c.Storage = s
	return nil
}

// setCompression sets COMPRESSION; "default" is no method of its own.
func (b *builder) setCompression(c *model.Column, method string, loc int32) error {
	switch m := strings.ToLower(method); m {
	case "pglz", "lz4":
		c.Compression = m
	case "default":
		c.Compression = ""
	default:
		return b.errorAt(loc, ErrInvalid, "invalid compression method %q", method)
	}
	return nil
}

// setStatistics sets SET STATISTICS; -1 is the default target.
func (b *builder) setStatistics(c *model.Column, target int) error {
	t, err := b.statisticsTarget(target)
	c.Statistics = t
	return err
}

// statisticsTarget reads the target of SET STATISTICS: nil for -1, the
// default.
func (b *builder) statisticsTarget(target int) (*int, error) {
	switch {
	case target == -1:
		return nil, nil
	case target < 0:
		return nil, b.errorAt(-1, ErrInvalid, "statistics target %d is too low", target)
	}
	// PostgreSQL lowers a target above the maximum to it, with a warning.
	target = min(target, 10000)
	return &target, nil
}

// toastOptions follows PostgreSQL's TOAST table of a table: it is created
// with the table, or by an ALTER TABLE after which it is needed, when a
// column may be stored out of line (a type whose storage is not plain;
// needs_toast_table), and it stays once made. The storage parameters of a
// TOAST table the table does not have (toast.*) are dropped without a
// word, as PostgreSQL drops them, so that they are not a difference the
// database can never take. A partitioned table has none.
func (b *builder) toastOptions(t *table) {
	if !t.toast && t.m.PartitionBy == nil {
		t.toast = slices.ContainsFunc(t.m.Columns, func(c *model.Column) bool {
			return cmp.Or(c.Storage, b.typeStorage(c.Type)) != "plain"
		})
	}
	if !t.toast {
		t.m.Options = slices.DeleteFunc(t.m.Options, func(o string) bool { return strings.HasPrefix(o, "toast.") })
	}
}

// typeStorage returns the default storage of a type, knowing the enums
// and domains defined so far.
func (b *builder) typeStorage(typ string) string {
	return pgsql.TypeStorage(typ, func(schema, name string) (bool, string) {
		n := model.Name{Schema: schema, Name: name}
		if d := b.domains[n]; d != nil {
			return false, d.Type
		}
		return b.enums[n] != nil, ""
	})
}

// collation returns the canonical collation of a COLLATE clause for a value
// of type typ: schema-qualified and quoted (pg_catalog."C"), or "" when it
// is the type's default collation.
func (b *builder) collation(cc *pg.CollateClause, typ string) (string, error) {
	if cc == nil {
		return "", nil
	}
	parts := sqlnorm.Strings(cc.Collname)
	var schema, name string
	switch len(parts) {
	case 1:
		name = parts[0]
		schema, _ = b.ns().Resolve(sqlnorm.KindCollation, name)
	case 2:
		schema, name = parts[0], parts[1]
		if schema != "pg_catalog" && b.collations[model.Name{Schema: schema, Name: name}] == nil && !b.unchecked(schema) {
			return "", b.errorAt(cc.Location, ErrUndefined, "collation %s does not exist", pgsql.QualifiedName(schema, name))
		}
	default:
		return "", b.errorAt(cc.Location, ErrUnsupported, "cross-database references are not supported")
	}
	coll := pgsql.QualifiedName(schema, name)
	if coll == b.defaultCollation(typ) {
		return "", nil
	}
	return coll, nil
}

// defaultCollation returns the collation a type gives its values:
// pg_catalog."C" for name, a domain's own collation, else the database
// default.
func (b *builder) defaultCollation(typ string) string {
	if typ == "name" {
		return `pg_catalog."C"`
	}
	for n, d := range b.domains {
		if pgsql.QualifiedName(n.Schema, n.Name) == typ && d.Collation != "" {
			return d.Collation
		}
	}
	return `pg_catalog."default"`
}
