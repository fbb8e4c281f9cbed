package ddlparse

import (
	"errors"
	"slices"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// addConstraints adds the table constraints of one CREATE TABLE or ALTER
// TABLE statement in the order PostgreSQL creates, and so names, them:
// CHECK constraints, then the primary key, then unique and exclusion
// constraints (dropping any that merely repeat an earlier one), then
// foreign keys. alter is false for CREATE TABLE, where NOT VALID has no
// effect. only is set for ALTER TABLE ONLY, which keeps a partitioned
// table's new index from reaching its partitions.
func (b *builder) addConstraints(t *table, cons []*pg.Constraint, alter bool) error {
	return b.addConstraintsOnly(t, cons, alter, false)
}

func (b *builder) addConstraintsOnly(t *table, cons []*pg.Constraint, alter, only bool) error {
	var checkNames []string
	for _, c := range cons {
		if c.Contype == pg.ConstrType_CONSTR_CHECK {
			name, err := b.checkConstraint(t, c, alter, checkNames)
			if err != nil {
				return err
			}
			checkNames = append(checkNames, name)
		}
	}
	var ix []*pg.Constraint
	for _, c := range cons {
		if c.Contype == pg.ConstrType_CONSTR_PRIMARY {
			ix = append(ix, c)
		}
	}
	for _, c := range cons {
		if c.Contype == pg.ConstrType_CONSTR_UNIQUE || c.Contype == pg.ConstrType_CONSTR_EXCLUSION {
			if dup := duplicateOf(c, ix); dup != nil {
				if dup.Conname == "" {
					dup.Conname = c.Conname
				}
				continue
			}
			ix = append(ix, c)
		}
	}
	for _, c := range ix {
		if err := b.indexConstraint(t, c, only); err != nil {
			return err
		}
	}
	for _, c := range cons {
		if c.Contype == pg.ConstrType_CONSTR_FOREIGN {
			if err := b.foreignKey(t, c, alter); err != nil {
				return err
			}
		}
	}
	for _, c := range cons {
		switch c.Contype {
		case pg.ConstrType_CONSTR_CHECK, pg.ConstrType_CONSTR_PRIMARY, pg.ConstrType_CONSTR_UNIQUE,
			pg.ConstrType_CONSTR_EXCLUSION, pg.ConstrType_CONSTR_FOREIGN:
		case pg.ConstrType_CONSTR_NOTNULL:
			// Table-level NOT NULL (a PostgreSQL 16+ dump form) marks columns.
			for _, k := range sqlnorm.Strings(c.Keys) {
				if col := t.m.Column(k); col != nil {
					col.NotNull = true
				}
			}
		default:
			return b.errorAt(c.Location, ErrUnsupported, "this table constraint is not supported")
		}
	}
	return nil
}

// duplicateOf returns the earlier index constraint that c repeats (same
// keys, options and deferrability), as transformIndexConstraints merges
// them; nil when c is new.
func duplicateOf(c *pg.Constraint, earlier []*pg.Constraint) *pg.Constraint {
	for _, e := range earlier {
		if slices.Equal(sqlnorm.Strings(e.Keys), sqlnorm.Strings(c.Keys)) && len(c.Keys) > 0 &&
			slices.Equal(sqlnorm.Strings(e.Including), sqlnorm.Strings(c.Including)) &&
			e.Deferrable == c.Deferrable && e.Initdeferred == c.Initdeferred &&
			e.NullsNotDistinct == c.NullsNotDistinct && e.Indexname == "" && c.Indexname == "" &&
			len(e.Exclusions) == 0 && len(c.Exclusions) == 0 && e.WhereClause == nil && c.WhereClause == nil &&
			(e.Conname == "" || c.Conname == "") {
			return e
		}
	}
	return nil
}

func (b *builder) constraintExists(t *table, name string) bool {
	return t.m.Constraint(name) != nil
}

// checkConstraint adds a CHECK constraint. An unnamed one is named after
// the table and, when the expression uses exactly one column, that column.
func (b *builder) checkConstraint(t *table, c *pg.Constraint, alter bool, others []string) (string, error) {
	cols := referencedColumns(c.RawExpr)
	name := c.Conname
	if name == "" {
		col := ""
		if len(cols) == 1 {
			col = cols[0]
		}
		name = b.chooseConstraintName(t.m.Name.Schema, t.m.Name.Name, col, "check", others)
	} else if b.constraintExists(t, name) {
		return "", b.errorAt(c.Location, ErrInvalid, "constraint %s for relation %s already exists", name, t.m.Name.Name)
	}
	for _, col := range cols {
		if t.m.Column(col) == nil {
			return "", b.errorAt(c.Location, ErrUndefined, "column %s does not exist", col)
		}
	}
	e, err := b.expr(c.RawExpr, "")
	if err != nil {
		return "", err
	}
	t.m.Constraints = append(t.m.Constraints, &model.Constraint{
		Name: name, Kind: model.Check, Expr: e, NoInherit: c.IsNoInherit, NotValid: alter && c.SkipValidation,
	})
	b.takeConname(t.m.Name.Schema, name)
	return name, nil
}

// referencedColumns returns the distinct columns an expression refers to,
// in order of first use.
func referencedColumns(n *pg.Node) []string {
	var out []string
	walkNodes(n, func(m *pg.Node) {
		if cr := m.GetColumnRef(); cr != nil {
			f := cr.Fields
			if s := f[len(f)-1].GetString_(); s != nil && !slices.Contains(out, s.Sval) {
				out = append(out, s.Sval)
			}
		}
	})
	return out
}

// indexConstraint adds a primary key, unique or exclusion constraint and
// the index behind it.
func (b *builder) indexConstraint(t *table, c *pg.Constraint, only bool) error {
	schema := t.m.Name.Schema
	con := &model.Constraint{Name: c.Conname, Deferrable: c.Deferrable, InitiallyDeferred: c.Initdeferred,
		NullsNotDistinct: c.NullsNotDistinct, Include: sqlnorm.Strings(c.Including)}
	ix := &model.Index{Schema: schema, Table: t.m.Name, Unique: true, Method: "btree",
		NullsNotDistinct: c.NullsNotDistinct, Include: con.Include}
	var err error
	if con.Options, err = b.relOptions(c.Options); err != nil {
		return err
	}
	ix.Options = con.Options
	if c.Indexspace != "" && c.Indexspace != "pg_default" {
		return b.errorAt(c.Location, ErrUnsupported, "USING INDEX TABLESPACE is not supported")
	}
	var nameCols []*pg.Node
	switch c.Contype {
	case pg.ConstrType_CONSTR_PRIMARY:
		con.Kind = model.PrimaryKey
		if t.m.PrimaryKey() != nil {
			return b.errorAt(c.Location, ErrInvalid, "multiple primary keys for table %s are not allowed", t.m.Name.Name)
		}
	case pg.ConstrType_CONSTR_UNIQUE:
		con.Kind = model.Unique
	case pg.ConstrType_CONSTR_EXCLUSION:
		con.Kind = model.Exclusion
		ix.Unique = false
		con.Using = c.AccessMethod
		if con.Using == "" {
			con.Using = "btree"
		}
		ix.Method = con.Using
		for _, x := range c.Exclusions {
			pair := x.GetList().GetItems()
			ie := pair[0].GetIndexElem()
			key, err := b.indexKey(t, con.Using, ie)
			if err != nil {
				return err
			}
			ops := sqlnorm.Strings(pair[1].GetList().GetItems())
			op := ops[len(ops)-1]
			if len(ops) == 2 {
				op = sqlnorm.OperatorName(ops[0], op)
			}
			con.Elements = append(con.Elements, model.ExclusionElement{Key: key, Operator: op})
			ix.Keys = append(ix.Keys, key)
			nameCols = append(nameCols, pair[0])
		}
		if c.WhereClause != nil {
			if con.Where, err = b.expr(c.WhereClause, ""); err != nil {
				return err
			}
			ix.Where = con.Where
		}
	}
	var existing *index
	if c.Indexname != "" {
		// ADD CONSTRAINT ... USING INDEX: the constraint takes over an
		// existing unique index (and its name, unless it names itself).
		existing = b.indexes[model.Name{Schema: schema, Name: c.Indexname}]
		if existing == nil || existing.table != t {
			return b.errorAt(c.Location, ErrUndefined, "index %s does not exist", c.Indexname)
		}
		for _, k := range existing.m.Keys {
			if k.Column == "" {
				return b.errorAt(c.Location, ErrInvalid, "index %s contains expressions", c.Indexname)
			}
			con.Columns = append(con.Columns, k.Column)
		}
		con.Include = existing.m.Include
		con.Options = existing.m.Options
		con.NullsNotDistinct = existing.m.NullsNotDistinct
		if con.Name == "" {
			con.Name = c.Indexname
		}
	} else if con.Kind != model.Exclusion {
		con.Columns = sqlnorm.Strings(c.Keys)
		for _, col := range con.Columns {
			ix.Keys = append(ix.Keys, model.IndexKey{Column: col})
		}
		nameCols = c.Keys
	}
	for _, col := range append(append([]string(nil), con.Columns...), con.Include...) {
		if t.m.Column(col) == nil {
			return b.errorAt(c.Location, ErrUndefined, "column %s named in key does not exist", col)
		}
	}
	if con.Name == "" {
		switch con.Kind {
		case model.PrimaryKey:
			con.Name = b.chooseRelationName(schema, t.m.Name.Name, "", "pkey", true)
		case model.Unique:
			con.Name = b.chooseRelationName(schema, t.m.Name.Name, pgsql.NameAddition(indexColumnNames(append(nameCols, c.Including...))), "key", true)
		default:
			con.Name = b.chooseRelationName(schema, t.m.Name.Name, pgsql.NameAddition(indexColumnNames(append(nameCols, c.Including...))), "excl", true)
		}
	} else if b.constraintExists(t, con.Name) || existing == nil && b.relationExists(schema, con.Name) {
		return b.errorAt(c.Location, ErrInvalid, "relation %s already exists", con.Name)
	}
	if con.Kind == model.PrimaryKey {
		for _, col := range con.Columns {
			t.m.Column(col).NotNull = true
		}
	}
	t.m.Constraints = append(t.m.Constraints, con)
	b.takeConname(schema, con.Name)
	if existing != nil {
		b.renameIndex(existing, con.Name)
		existing.constraint = con
		return nil
	}
	ix.Name = con.Name
	rec := &index{m: ix, constraint: con, table: t}
	b.addIndexRecord(rec)
	if !only {
		for _, child := range t.partitions() {
			b.attachOrCreateChildIndex(rec, child)
		}
	}
	return nil
}

// foreignKey adds a foreign key. Without a column list it references the
// target's primary key. A target that no statement has created yet is
// looked up again once every statement has been applied (see
// resolveForeignKeys), so that tables may reference each other in any
// order, both ways.
func (b *builder) foreignKey(t *table, c *pg.Constraint, alter bool) error {
	con := &model.Constraint{Name: c.Conname, Kind: model.ForeignKey, Columns: sqlnorm.Strings(c.FkAttrs),
		RefColumns: sqlnorm.Strings(c.PkAttrs), Deferrable: c.Deferrable, InitiallyDeferred: c.Initdeferred,
		NotValid: alter && c.SkipValidation}
	for _, col := range con.Columns {
		if t.m.Column(col) == nil {
			return b.errorAt(c.Location, ErrUndefined, "column %s referenced in foreign key constraint does not exist", col)
		}
	}
	con.OnDeleteColumns = sqlnorm.Strings(c.FkDelSetCols)
	for _, col := range con.OnDeleteColumns {
		if !slices.Contains(con.Columns, col) {
			return b.errorAt(c.Location, ErrInvalid, "column %s referenced in ON DELETE SET action must be part of foreign key", col)
		}
	}
	switch c.FkMatchtype {
	case "f":
		con.Match = "FULL"
	case "p":
		return b.errorAt(c.Location, ErrUnsupported, "MATCH PARTIAL is not supported")
	}
	con.OnUpdate, con.OnDelete = fkAction(c.FkUpdAction), fkAction(c.FkDelAction)
	if con.Name == "" {
		con.Name = b.chooseConstraintName(t.m.Name.Schema, t.m.Name.Name, pgsql.NameAddition(con.Columns), "fkey", nil)
	} else if b.constraintExists(t, con.Name) {
		return b.errorAt(c.Location, ErrInvalid, "constraint %s for relation %s already exists", con.Name, t.m.Name.Name)
	}
	t.m.Constraints = append(t.m.Constraints, con)
	b.takeConname(t.m.Name.Schema, con.Name)
	return b.foreignKeyTarget(t, c, con, true)
}

// pendingForeignKey is a foreign key whose target did not exist yet, with
// the context of its statement.
type pendingForeignKey struct {
	t    *table
	c    *pg.Constraint
	con  *model.Constraint
	src  *source
	cur  stmt
	path []string
}

// foreignKeyTarget completes a foreign key with its target; with mayWait,
// a target not created yet is looked up again at the end.
func (b *builder) foreignKeyTarget(t *table, c *pg.Constraint, con *model.Constraint, mayWait bool) error {
	target, err := b.relation(c.Pktable)
	missing := err != nil || b.tables[target] == nil && !b.unchecked(target.Schema)
	if missing && mayWait && (err == nil || errors.Is(err, ErrUndefined)) {
		b.pendingForeignKeys = append(b.pendingForeignKeys, &pendingForeignKey{t: t, c: c, con: con, src: b.src,
			cur: *b.cur, path: slices.Clone(b.searchPath)})
		return nil
	}
	if err != nil {
		return err
	}
	con.References = &target
	if tt := b.tables[target]; tt != nil {
		if len(con.RefColumns) == 0 {
			pk := tt.m.PrimaryKey()
			if pk == nil {
				return b.errorAt(c.Location, ErrInvalid, "there is no primary key for referenced table %s", target)
			}
			con.RefColumns = append([]string(nil), pk.Columns...)
		}
		for _, col := range con.RefColumns {
			if tt.m.Column(col) == nil {
				return b.errorAt(c.Location, ErrUndefined, "column %s referenced in foreign key constraint does not exist", col)
			}
		}
	} else if !b.unchecked(target.Schema) {
		return b.errorAt(c.Pktable.Location, ErrUndefined, "table %s does not exist", target)
	} else if len(con.RefColumns) == 0 {
		return b.errorAt(c.Location, ErrUnsupported, "a foreign key to %s, outside the schema files, needs its column list", target)
	}
	if len(con.RefColumns) != len(con.Columns) {
		return b.errorAt(c.Location, ErrInvalid, "number of referencing and referenced columns for foreign key disagree")
	}
	return nil
}

// resolveForeignKeys completes the foreign keys whose targets were created
// after them, in the context of the statements that declared them.
func (b *builder) resolveForeignKeys() error {
	for _, p := range b.pendingForeignKeys {
		b.src, b.cur, b.searchPath = p.src, &p.cur, p.path
		if err := b.foreignKeyTarget(p.t, p.c, p.con, false); err != nil {
			return err
		}
	}
	b.pendingForeignKeys = nil
	return nil
}

func fkAction(a string) string {
	switch a {
	case "r":
		return "RESTRICT"
	case "c":
		return "CASCADE"
	case "n":
		return "SET NULL"
	case "d":
		return "SET DEFAULT"
	}
	return ""
}

// walkNodes calls fn for every node of a tree through the fields that can
// hold column references in a CHECK expression.
func walkNodes(n *pg.Node, fn func(*pg.Node)) {
	sqlnorm.Walk(n, func(m *pg.Node) bool {
		fn(m)
		return m.GetSubLink() == nil
	})
}
