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

// createTable handles CREATE TABLE, including partitions (PARTITION OF),
// partitioned tables (PARTITION BY) and inheritance (INHERITS). It follows
// the order in which PostgreSQL names things: serial sequences first, then
// the table, its CHECK constraints, its primary key and unique
// constraints, and last its foreign keys.
func (b *builder) createTable(s *pg.CreateStmt) error {
	rv := s.Relation
	switch {
	case rv.Relpersistence == "t":
		return b.unsupported("CREATE TEMPORARY TABLE")
	case s.OfTypename != nil:
		return b.unsupported("CREATE TABLE OF type")
	case s.AccessMethod != "" && s.AccessMethod != "heap":
		return b.unsupported("a table access method other than heap")
	case s.Tablespacename != "" && s.Tablespacename != "pg_default":
		return b.unsupported("TABLESPACE (tablespaces are out of scope)")
	}
	n, err := b.createName(rv)
	if err != nil {
		return err
	}
	if b.relationExists(n.Schema, n.Name) || b.typeTaken(n) {
		if s.IfNotExists {
			return nil
		}
		return b.errorAt(rv.Location, ErrInvalid, "relation %s already exists", n)
	}
	t := &table{m: &model.Table{Name: n, Unlogged: rv.Relpersistence == "u"}, local: map[string]bool{}}
	if t.m.Options, err = b.relOptions(s.Options); err != nil {
		return err
	}
	for _, p := range s.InhRelations {
		parent, err := b.table(p.GetRangeVar())
		if err != nil {
			return err
		}
		t.parents = append(t.parents, parent)
	}
	if s.Partbound != nil {
		if len(t.parents) != 1 || t.parents[0].m.PartitionBy == nil {
			return b.errorAt(rv.Location, ErrInvalid, "PARTITION OF needs a partitioned table")
		}
		parent := t.parents[0].m
		t.m.PartitionOf = &parent.Name
		if t.m.PartitionBound, err = b.partitionBound(t.parents[0], s.Partbound); err != nil {
			return err
		}
	} else {
		for _, p := range t.parents {
			if p.m.PartitionBy != nil {
				return b.errorAt(rv.Location, ErrInvalid, "cannot inherit from partitioned table %s", p.m.Name)
			}
			t.m.Inherits = append(t.m.Inherits, p.m.Name)
		}
	}
	// Inherited columns come first, in the parents' order.
	for _, p := range t.parents {
		for _, pc := range p.m.Columns {
			if existing := t.m.Column(pc.Name); existing != nil {
				if existing.Type != pc.Type {
					return b.errorAt(rv.Location, ErrInvalid, "inherited column %s has a type conflict", pc.Name)
				}
				existing.NotNull = existing.NotNull || pc.NotNull
				continue
			}
			t.m.Columns = append(t.m.Columns, inheritedColumn(pc))
		}
	}
	var pending []*pendingColumn
	var tableCons []*pg.Constraint
	type like struct {
		src  *table
		opts uint32
	}
	var likes []like
	for _, e := range s.TableElts {
		switch v := e.Node.(type) {
		case *pg.Node_ColumnDef:
			cd := v.ColumnDef
			existing := t.m.Column(cd.Colname)
			if existing != nil && cd.TypeName != nil && len(t.parents) == 0 {
				return b.errorAt(cd.Location, ErrInvalid, "column %s specified more than once", cd.Colname)
			}
			if cd.TypeName == nil && existing == nil {
				return b.errorAt(cd.Location, ErrUndefined, "column %s does not exist", cd.Colname)
			}
			var modify *model.Column
			if existing != nil {
				modify = existing
				if cd.TypeName != nil {
					typ, err := b.typeName(cd.TypeName, sqlnorm.ColumnType)
					if err != nil {
						return err
					}
					if typ != existing.Type {
						return b.errorAt(cd.Location, ErrInvalid, "column %s has a type conflict", cd.Colname)
					}
				}
			}
			p, err := b.columnDef(cd, modify)
			if err != nil {
				return err
			}
			if modify == nil {
				t.m.Columns = append(t.m.Columns, p.col)
			}
			if cd.TypeName != nil {
				t.local[cd.Colname] = true
			}
			pending = append(pending, p)
		case *pg.Node_Constraint:
			tableCons = append(tableCons, v.Constraint)
		case *pg.Node_TableLikeClause:
			src, cols, err := b.likeColumns(t, v.TableLikeClause)
			if err != nil {
				return err
			}
			pending = append(pending, cols...)
			likes = append(likes, like{src: src, opts: v.TableLikeClause.Options})
		default:
			return b.unsupported("this CREATE TABLE element")
		}
	}
	if s.Partspec != nil {
		if t.m.PartitionBy, err = b.partitionKey(t, s.Partspec); err != nil {
			return err
		}
	}
	// Sequences are named before the table exists.
	for _, p := range pending {
		if err := b.columnSequence(t, p); err != nil {
			return err
		}
	}
	b.toastOptions(t)
	b.initAccess(&t.m.Access, model.KindTable, n.Schema)
	b.tables[n] = t
	b.takeRelname(n.Schema, n.Name)
	for _, p := range t.parents {
		p.children = append(p.children, t)
	}
	var cons []*pg.Constraint
	for _, p := range pending {
		cons = append(cons, p.constraints...)
	}
	cons = append(cons, tableCons...)
	// What LIKE copies comes after the table's own constraints, as
	// PostgreSQL expands the clause once the table exists.
	if err := b.addConstraints(t, cons, false); err != nil {
		return err
	}
	for _, l := range likes {
		b.likeObjects(t, l.src, l.opts)
	}
	inheritValidatedChecks(t)
	if t.m.PartitionOf != nil {
		return b.inheritPartitionObjects(t.parents[0], t)
	}
	return nil
}

// inheritValidatedChecks gives a new partition a validated copy of each
// NOT VALID check it inherits: PostgreSQL copies a parent's checks into a
// table it creates as validated (the table is empty), and pg_dump prints
// such a copy as the partition's own. sqlnorm.Finalize keeps a partition's
// check that is valid where its parent's is not, and drops every other
// copy as implied, so only these are recorded. An inheritance child's copy
// is not modelled: pg_dump does not show whether it is valid.
func inheritValidatedChecks(t *table) {
	if t.m.PartitionOf == nil {
		return
	}
	for _, pc := range effectiveChecks(t.parents[0]) {
		if pc.NotValid && t.m.Constraint(pc.Name) == nil {
			t.m.Constraints = append(t.m.Constraints, validatedCopy(pc))
		}
	}
}

// validatedCopy is a partition's validated copy of its parent's check.
func validatedCopy(pc *model.Constraint) *model.Constraint {
	c := *pc
	c.NotValid, c.Comment = false, ""
	if pc.Expr != nil {
		e := *pc.Expr
		c.Expr = &e
	}
	return &c
}

// effectiveChecks returns the checks a table has: those it lists, then
// those it inherits and does not list (copies as valid as the parent's).
func effectiveChecks(t *table) []*model.Constraint {
	var out []*model.Constraint
	for _, c := range t.m.Constraints {
		if c.Kind == model.Check {
			out = append(out, c)
		}
	}
	for _, p := range t.parents {
		for _, c := range effectiveChecks(p) {
			if !c.NoInherit && !slices.ContainsFunc(out, func(o *model.Constraint) bool { return o.Name == c.Name }) {
				out = append(out, c)
			}
		}
	}
	return out
}

// inheritedColumn copies a parent's column into a child, as PostgreSQL's
// MergeAttributes does: identity, the statistics target and attribute
// options are not inherited (the compression method and storage are).
func inheritedColumn(pc *model.Column) *model.Column {
	c := *pc
	c.Identity = nil
	c.Statistics = nil
	c.Options = nil
	c.Comment = ""
	c.Access = model.Access{} // column privileges are not inherited
	return &c
}

// columnSequence creates the sequence of a serial or identity column.
func (b *builder) columnSequence(t *table, p *pendingColumn) error {
	c := p.col
	switch {
	case p.serial:
		opts := model.DefaultSequenceOptions(c.Type, 1)
		seq := b.addSequence(t, c.Name, "", opts, false)
		c.Default = b.nextvalDefault(seq.Name)
	case c.Identity != nil && p.col != nil:
		b.addSequence(t, c.Name, p.identitySeqName, c.Identity.SequenceOptions, true)
	}
	return nil
}

// nextvalDefault builds the default PostgreSQL gives a serial column:
// nextval('schema.seq'::regclass).
func (b *builder) nextvalDefault(seq model.Name) *model.Expr {
	lit := pgsql.QuoteLiteral(pgsql.QualifiedName(seq.Schema, seq.Name))
	sql := "nextval(" + lit + "::regclass)"
	node := &pg.Node{Node: &pg.Node_FuncCall{FuncCall: &pg.FuncCall{
		Funcname: sqlnorm.StringNodes("nextval"),
		Args: []*pg.Node{{Node: &pg.Node_TypeCast{TypeCast: &pg.TypeCast{
			Arg:      sqlnorm.MakeString(pgsql.QualifiedName(seq.Schema, seq.Name)),
			TypeName: &pg.TypeName{Names: sqlnorm.StringNodes("regclass"), Typemod: -1},
		}}}},
	}}}
	canon, err := (&sqlnorm.Namespace{}).Canon(node, "")
	if err != nil {
		// The tree is built above from known parts; it always prints.
		panic(err)
	}
	return &model.Expr{SQL: sql, Canon: canon, Refs: []model.Ref{{Kind: model.RefRelation, Name: seq}}}
}

// relOptions converts WITH (...) storage parameters to "name=value", in
// the order PostgreSQL keeps them (see toastLast); a parameter without a
// value is "true", and toast.* parameters keep their prefix.
func (b *builder) relOptions(opts []*pg.Node) ([]string, error) {
	var out []string
	for _, o := range opts {
		d := o.GetDefElem()
		name := d.Defname
		if d.Defnamespace != "" {
			name = d.Defnamespace + "." + name
		}
		val := "true"
		if d.Arg != nil {
			val = defValue(d.Arg)
		}
		if name == "oids" {
			return nil, b.errorAt(d.Location, ErrUnsupported, "WITH OIDS is not supported")
		}
		out = append(out, name+"="+val)
	}
	return toastLast(out), nil
}

// toastLast moves the toast table's parameters after the table's own,
// each in the order given: PostgreSQL keeps them in two lists, the
// table's and its toast table's, which pg_dump prints in that order.
func toastLast(opts []string) []string { return model.OptionsLast(opts, "toast.") }

// partitionKey converts PARTITION BY. The key is printed as
// pg_get_partkeydef prints it without the strategy: "(a, lower(b))".
func (b *builder) partitionKey(t *table, spec *pg.PartitionSpec) (*model.PartitionKey, error) {
	pk := &model.PartitionKey{}
	switch spec.Strategy {
	case pg.PartitionStrategy_PARTITION_STRATEGY_RANGE:
		pk.Strategy = "RANGE"
	case pg.PartitionStrategy_PARTITION_STRATEGY_LIST:
		pk.Strategy = "LIST"
	case pg.PartitionStrategy_PARTITION_STRATEGY_HASH:
		pk.Strategy = "HASH"
	}
	method := "btree"
	if pk.Strategy == "HASH" {
		method = "hash"
	}
	key, err := sqlnorm.PartitionKey(b.ns(), spec.PartParams, method, func(name string) (string, bool) {
		c := t.m.Column(name)
		if c == nil {
			return "", false
		}
		return c.Type, true
	})
	if err != nil {
		return nil, b.exprError(err)
	}
	pk.Key = *key
	return pk, nil
}

// partitionBound converts FOR VALUES ... of a partition of parent.
func (b *builder) partitionBound(parent *table, spec *pg.PartitionBoundSpec) (string, error) {
	bound, err := sqlnorm.PartitionBound(spec, sqlnorm.PartitionKeyTypes(parent.m))
	if err != nil {
		return "", b.exprError(err)
	}
	return bound, nil
}

// inheritPartitionObjects gives a new partition what PostgreSQL gives it
// from its parent: the parent's indexes, unique and primary key
// constraints and foreign keys are created on the partition as implied
// objects, which the model does not list but whose names are taken.
func (b *builder) inheritPartitionObjects(parent, child *table) error {
	for _, ix := range b.indexesOf(parent) {
		b.attachOrCreateChildIndex(ix, child)
	}
	return nil
}

// indexesOf returns the indexes of a table (constraint ones included), in
// creation order.
func (b *builder) indexesOf(t *table) []*index {
	var out []*index
	for _, ix := range b.indexOrder {
		if ix.table == t {
			out = append(out, ix)
		}
	}
	return out
}

// attachOrCreateChildIndex attaches to parent index ix a matching index of
// partition child, or creates one, as PostgreSQL does when a partition
// joins a partitioned table or a partitioned table gets an index.
func (b *builder) attachOrCreateChildIndex(ix *index, child *table) {
	for _, cand := range b.indexesOf(child) {
		if cand.parent == nil && sameIndex(cand, ix) {
			b.attachIndex(ix, cand)
			return
		}
	}
	keyNames := indexColumnNamesOfIndex(ix.m)
	label := "idx"
	switch {
	case ix.constraint != nil && ix.constraint.Kind == model.PrimaryKey:
		label = "pkey"
	case ix.constraint != nil && ix.constraint.Kind == model.Exclusion:
		label = "excl"
	case ix.constraint != nil:
		label = "key"
	}
	name := b.chooseRelationName(child.m.Name.Schema, child.m.Name.Name, pgsql.IndexNameAddition(label, keyNames), label, ix.constraint != nil)
	m := *ix.m
	m.Name, m.Table, m.Comment = name, child.m.Name, ""
	created := &index{m: &m, table: child, implied: true, parent: ix}
	if ix.constraint != nil {
		// The partition gets a constraint of its own, as implied as its
		// index: a partition of it in turn names its index after the
		// constraint's kind (pkey, key, excl), not as a plain index.
		con := *ix.constraint
		con.Name, con.Comment = name, ""
		created.constraint = &con
	}
	b.addIndexRecord(created)
	if ix.constraint != nil {
		b.takeConname(child.m.Name.Schema, name)
		for _, col := range ix.constraint.Columns {
			if c := child.m.Column(col); c != nil && ix.constraint.Kind == model.PrimaryKey {
				c.NotNull = true
			}
		}
	}
	// The index created on a partitioned partition is created on its
	// partitions in turn, as PostgreSQL's DefineIndex recurses.
	for _, part := range child.partitions() {
		b.attachOrCreateChildIndex(created, part)
	}
}

// attachIndex makes child an implied partition of parent index ix.
func (b *builder) attachIndex(ix, child *index) {
	child.parent = ix
	child.implied = true
	// The child's constraint becomes part of the parent's only when the
	// parent index implements a constraint too (conparentid).
	if child.constraint != nil && ix.constraint != nil {
		t := child.table
		t.m.Constraints = slices.DeleteFunc(t.m.Constraints, func(c *model.Constraint) bool { return c == child.constraint })
	}
}

// sameIndex reports whether two indexes are interchangeable for attaching:
// same definition, whatever their names and tables.
func sameIndex(a, p *index) bool {
	x, y := *a.m, *p.m
	x.Name, y.Name, x.Table, y.Table, x.Schema, y.Schema, x.Comment, y.Comment = "", "", model.Name{}, model.Name{}, "", "", "", ""
	if model.Dump(&model.Catalog{Indexes: []*model.Index{&x}}) != model.Dump(&model.Catalog{Indexes: []*model.Index{&y}}) {
		return false
	}
	// An index behind a constraint may serve a plain partitioned index;
	// one that backs a constraint needs one behind a constraint of the
	// same kind (DefineIndex, AttachPartitionEnsureIndexes).
	if p.constraint == nil {
		return true
	}
	return a.constraint != nil && a.constraint.Kind == p.constraint.Kind
}

// defValue returns the text of a DefElem argument: a number, a string, a
// keyword or a type name, as PostgreSQL's defGetString reads it.
func defValue(n *pg.Node) string {
	switch v := n.Node.(type) {
	case *pg.Node_Integer:
		return strconv.Itoa(int(v.Integer.Ival))
	case *pg.Node_Float:
		return v.Float.Fval
	case *pg.Node_String_:
		return v.String_.Sval
	case *pg.Node_Boolean:
		return strconv.FormatBool(v.Boolean.Boolval)
	case *pg.Node_TypeName:
		return strings.Join(sqlnorm.Strings(v.TypeName.Names), ".")
	case *pg.Node_List:
		return strings.Join(sqlnorm.Strings(v.List.Items), ".")
	}
	s, _ := sqlnorm.ConstText(n)
	return s
}
