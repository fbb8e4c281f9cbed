package ddlparse

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// alterTable handles ALTER TABLE and the ALTER INDEX, ALTER SEQUENCE and
// ALTER VIEW forms the parser reads as ALTER TABLE.
func (b *builder) alterTable(s *pg.AlterTableStmt) error {
	if handled, err := b.alterDefinition(&pg.Node{Node: &pg.Node_AlterTableStmt{AlterTableStmt: s}}); handled {
		return err
	}
	switch s.Objtype {
	case pg.ObjectType_OBJECT_TABLE:
		if n, err := b.relation(s.Relation); err == nil && b.views[n] != nil && !ownerOnly(s.Cmds) {
			// ALTER TABLE names views too: pg_dump sets a view column's
			// default with ALTER TABLE ONLY.
			return b.alterView(s)
		}
	case pg.ObjectType_OBJECT_INDEX:
		return b.alterIndex(s)
	case pg.ObjectType_OBJECT_VIEW, pg.ObjectType_OBJECT_MATVIEW:
		return b.alterView(s)
	case pg.ObjectType_OBJECT_SEQUENCE:
		return b.alterSequenceTable(s)
	case pg.ObjectType_OBJECT_TYPE:
		return b.alterComposite(s)
	default:
		return b.unsupported(statementName(b.cur.raw.Text))
	}
	if ownerOnly(s.Cmds) {
		// ALTER TABLE ... OWNER TO also names sequences and views (pg_dump
		// writes it so).
		return b.owners(s)
	}
	t, err := b.table(s.Relation)
	if err != nil {
		if s.MissingOk {
			return nil
		}
		if undoesOnly(s.Cmds) {
			// pg_dump --clean drops constraints and defaults before the
			// tables it then creates.
			n := model.Name{Schema: s.Relation.Schemaname, Name: s.Relation.Relname}
			if n.Schema == "" {
				n.Schema, _ = b.ns().CreationSchema()
			}
			b.dropLater(func() bool { return b.tables[n] != nil }, err)
			return nil
		}
		return err
	}
	only := !s.Relation.Inh
	// PostgreSQL runs subcommands in passes: columns are added before
	// constraints, whatever the order they are written in.
	var cons []*pg.Constraint
	for _, n := range s.Cmds {
		c := n.GetAlterTableCmd()
		switch c.Subtype {
		case pg.AlterTableType_AT_AddColumn:
			added, err := b.addColumn(t, c.Def.GetColumnDef(), c.MissingOk)
			if err != nil {
				return err
			}
			cons = append(cons, added...)
		case pg.AlterTableType_AT_AddConstraint:
			cons = append(cons, c.Def.GetConstraint())
		}
	}
	if err := b.addConstraintsOnly(t, cons, true, only); err != nil {
		return err
	}
	for _, n := range s.Cmds {
		c := n.GetAlterTableCmd()
		if err := b.alterTableCmd(t, c, only); err != nil {
			return err
		}
	}
	// The statement may have made the table (or a descendant it reached)
	// need a TOAST table, or set options of one it does not have.
	return b.forTableTree(t, only, func(tt *table) error {
		b.toastOptions(tt)
		return nil
	})
}

func (b *builder) alterTableCmd(t *table, c *pg.AlterTableCmd, only bool) error {
	col := func() (*model.Column, error) {
		cl := t.m.Column(c.Name)
		if cl == nil {
			return nil, b.errorAt(-1, ErrUndefined, "column %s of relation %s does not exist", c.Name, t.m.Name.Name)
		}
		return cl, nil
	}
	switch c.Subtype {
	case pg.AlterTableType_AT_AddColumn, pg.AlterTableType_AT_AddConstraint:
		// Done in the first pass.
	case pg.AlterTableType_AT_ChangeOwner:
		return b.setOwner(accessTarget{kind: model.KindTable, acc: &t.m.Access, schema: t.m.Name.Schema, what: t.m.Name.String(), tbl: t},
			b.role(c.Newowner, false))
	case pg.AlterTableType_AT_ColumnDefault:
		return b.forTreeColumn(t, only, c.Name, func(cl *model.Column) error {
			return b.setDefault(cl, c.Def)
		})
	case pg.AlterTableType_AT_SetNotNull, pg.AlterTableType_AT_DropNotNull:
		return b.forTreeColumn(t, only, c.Name, func(cl *model.Column) error {
			cl.NotNull = c.Subtype == pg.AlterTableType_AT_SetNotNull
			return nil
		})
	case pg.AlterTableType_AT_AddIdentity:
		cl, err := col()
		if err != nil {
			return err
		}
		p := &pendingColumn{col: cl}
		if err := b.setIdentity(cl, c.Def.GetConstraint(), p); err != nil {
			return err
		}
		b.addSequence(t, cl.Name, p.identitySeqName, cl.Identity.SequenceOptions, true)
	case pg.AlterTableType_AT_SetCompression:
		// Unlike the statistics target, the method does not recurse to
		// the table's children (PostgreSQL 15).
		cl, err := col()
		if err != nil {
			return err
		}
		return b.setCompression(cl, c.Def.GetString_().GetSval(), -1)
	case pg.AlterTableType_AT_SetOptions, pg.AlterTableType_AT_ResetOptions:
		// Attribute options (n_distinct) do not recurse to children.
		cl, err := col()
		if err != nil {
			return err
		}
		opts, err := b.relOptions(c.Def.GetList().GetItems())
		if err != nil {
			return err
		}
		cl.Options = mergeOptions(cl.Options, opts, c.Subtype == pg.AlterTableType_AT_ResetOptions)
	case pg.AlterTableType_AT_SetStatistics:
		if c.Name == "" {
			return b.unsupported("ALTER TABLE SET STATISTICS by column number")
		}
		return b.forTreeColumn(t, only, c.Name, func(cl *model.Column) error {
			return b.setStatistics(cl, int(c.Def.GetInteger().GetIval()))
		})
	case pg.AlterTableType_AT_SetStorage:
		// Like the statistics target, the storage reaches the table's
		// children unless ONLY is given.
		return b.forTreeColumn(t, only, c.Name, func(cl *model.Column) error {
			return b.setStorage(cl, c.Def.GetString_().GetSval(), -1)
		})
	case pg.AlterTableType_AT_AlterColumnType:
		cl, err := col()
		if err != nil {
			return err
		}
		cd := c.Def.GetColumnDef()
		typ, err := b.typeName(cd.TypeName, sqlnorm.ColumnType)
		if err != nil {
			return err
		}
		cl.Type = typ
		if cl.Collation, err = b.collation(cd.CollClause, typ); err != nil {
			return err
		}
	case pg.AlterTableType_AT_ValidateConstraint:
		con := t.m.Constraint(c.Name)
		if con == nil {
			// A child validates the copy of a check it inherits: a
			// partition's copy is then valid where its parent's is not,
			// and pg_dump prints it (see inheritValidatedChecks).
			for _, p := range t.parents {
				checks := effectiveChecks(p)
				if i := slices.IndexFunc(checks, func(pc *model.Constraint) bool { return pc.Name == c.Name }); i >= 0 {
					if t.m.PartitionOf == nil {
						return nil
					}
					con = validatedCopy(checks[i])
					t.m.Constraints = append(t.m.Constraints, con)
					break
				}
			}
		}
		if con == nil {
			return b.errorAt(-1, ErrUndefined, "constraint %s of relation %s does not exist", c.Name, t.m.Name.Name)
		}
		con.NotValid = false
	case pg.AlterTableType_AT_DropConstraint:
		return b.dropConstraint(t, c.Name, c.MissingOk, c.Behavior == pg.DropBehavior_DROP_CASCADE)
	case pg.AlterTableType_AT_AlterConstraint:
		// ALTER CONSTRAINT changes a foreign key's deferrability (and
		// reaches its copies on partitions, which the model leaves
		// implied).
		cn := c.Def.GetConstraint()
		con := t.m.Constraint(cn.Conname)
		if con == nil {
			return b.errorAt(-1, ErrUndefined, "constraint %s of relation %s does not exist", cn.Conname, t.m.Name.Name)
		}
		if con.Kind != model.ForeignKey {
			return b.errorAt(-1, ErrInvalid, "constraint %s of relation %s is not a foreign key constraint", cn.Conname, t.m.Name.Name)
		}
		con.Deferrable, con.InitiallyDeferred = cn.Deferrable, cn.Initdeferred
	case pg.AlterTableType_AT_EnableRowSecurity:
		t.m.RLSEnabled = true
	case pg.AlterTableType_AT_DisableRowSecurity:
		t.m.RLSEnabled = false
	case pg.AlterTableType_AT_ForceRowSecurity:
		t.m.RLSForced = true
	case pg.AlterTableType_AT_NoForceRowSecurity:
		t.m.RLSForced = false
	case pg.AlterTableType_AT_EnableTrig, pg.AlterTableType_AT_DisableTrig,
		pg.AlterTableType_AT_EnableAlwaysTrig, pg.AlterTableType_AT_EnableReplicaTrig:
		return b.setTriggerState(t, c, only)
	case pg.AlterTableType_AT_AttachPartition:
		pc := c.Def.GetPartitionCmd()
		return b.attachPartition(t, pc)
	case pg.AlterTableType_AT_AddInherit:
		parent, err := b.table(c.Def.GetRangeVar())
		if err != nil {
			return err
		}
		if t.m.PartitionOf != nil || parent.m.PartitionBy != nil {
			return b.errorAt(-1, ErrInvalid, "cannot inherit to or from a partition")
		}
		t.parents = append(t.parents, parent)
		t.m.Inherits = append(t.m.Inherits, parent.m.Name)
		parent.children = append(parent.children, t)
	case pg.AlterTableType_AT_SetRelOptions, pg.AlterTableType_AT_ResetRelOptions:
		opts, err := b.relOptions(c.Def.GetList().GetItems())
		if err != nil {
			return err
		}
		t.m.Options = mergeOptions(t.m.Options, opts, c.Subtype == pg.AlterTableType_AT_ResetRelOptions)
	case pg.AlterTableType_AT_ReplicaIdentity:
		return b.replicaIdentity(t, c.Def.GetReplicaIdentityStmt())
	case pg.AlterTableType_AT_ClusterOn:
		return b.clusterOn(t, c.Name)
	case pg.AlterTableType_AT_DropOids:
		// SET WITHOUT OIDS: accepted, and without effect, since tables
		// have no oid column any more (old dumps write it).
	case pg.AlterTableType_AT_DropCluster:
		t.m.ClusterOn = ""
	case pg.AlterTableType_AT_DropColumn:
		return b.dropColumn(t, c.Name, c.MissingOk)
	case pg.AlterTableType_AT_SetLogged, pg.AlterTableType_AT_SetUnLogged:
		t.m.Unlogged = c.Subtype == pg.AlterTableType_AT_SetUnLogged
		// The sequences the table owns switch with it.
		for _, s := range b.sequences {
			if s.m.OwnedBy != nil && s.m.OwnedBy.Table == t.m.Name {
				s.m.Unlogged = t.m.Unlogged
			}
		}
	default:
		return b.unsupported("ALTER TABLE " + atName(c.Subtype))
	}
	return nil
}

// owners applies ALTER TABLE, VIEW or SEQUENCE ... OWNER TO, whatever the
// relation it names.
func (b *builder) owners(s *pg.AlterTableStmt) error {
	for _, c := range s.Cmds {
		cmd := c.GetAlterTableCmd()
		if err := b.relationOwner(s.Objtype, s.Relation, cmd.Newowner, s.MissingOk); err != nil {
			return err
		}
	}
	return nil
}

// undoesOnly reports whether every subcommand takes something away: DROP
// CONSTRAINT, or ALTER COLUMN ... DROP DEFAULT.
func undoesOnly(cmds []*pg.Node) bool {
	for _, c := range cmds {
		cmd := c.GetAlterTableCmd()
		switch {
		case cmd.Subtype == pg.AlterTableType_AT_DropConstraint:
		case cmd.Subtype == pg.AlterTableType_AT_ColumnDefault && cmd.Def == nil:
		default:
			return false
		}
	}
	return len(cmds) > 0
}

// ownerOnly reports whether every subcommand is OWNER TO.
func ownerOnly(cmds []*pg.Node) bool {
	for _, c := range cmds {
		if c.GetAlterTableCmd().Subtype != pg.AlterTableType_AT_ChangeOwner {
			return false
		}
	}
	return true
}

// atName names an ALTER TABLE subcommand for messages.
func atName(t pg.AlterTableType) string {
	s := strings.TrimPrefix(t.String(), "AT_")
	var out []rune
	for i, r := range s {
		if i > 0 && r >= 'A' && r <= 'Z' {
			out = append(out, ' ')
		}
		out = append(out, r)
	}
	return strings.ToUpper(string(out))
}

// forTableTree applies fn to t and, unless only, to its partitions and
// inheritance children, as ALTER TABLE without ONLY recurses.
func (b *builder) forTableTree(t *table, only bool, fn func(*table) error) error {
	if err := fn(t); err != nil {
		return err
	}
	if only {
		return nil
	}
	for _, child := range b.childrenOf(t) {
		if err := b.forTableTree(child, false, fn); err != nil {
			return err
		}
	}
	return nil
}

// forTreeColumn runs fn on the named column of t and, unless only is
// set, of each of its descendants (see forTableTree).
func (b *builder) forTreeColumn(t *table, only bool, name string, fn func(*model.Column) error) error {
	return b.forTableTree(t, only, func(tt *table) error {
		cl := tt.m.Column(name)
		if cl == nil {
			return b.errorAt(-1, ErrUndefined, "column %s of relation %s does not exist", name, tt.m.Name.Name)
		}
		return fn(cl)
	})
}

// childrenOf returns the partitions and inheritance children of t.
func (b *builder) childrenOf(t *table) []*table { return t.children }

// addColumn handles ADD COLUMN; the column also reaches the table's
// children. It returns the column's constraints for the constraint pass.
func (b *builder) addColumn(t *table, cd *pg.ColumnDef, ifNotExists bool) ([]*pg.Constraint, error) {
	if t.m.Column(cd.Colname) != nil {
		if ifNotExists {
			return nil, nil
		}
		return nil, b.errorAt(cd.Location, ErrInvalid, "column %s of relation %s already exists", cd.Colname, t.m.Name.Name)
	}
	p, err := b.columnDef(cd, nil)
	if err != nil {
		return nil, err
	}
	t.m.Columns = append(t.m.Columns, p.col)
	t.local[p.col.Name] = true
	if err := b.columnSequence(t, p); err != nil {
		return nil, err
	}
	for _, child := range b.childrenOf(t) {
		if err := b.forTableTree(child, false, func(tt *table) error {
			if tt.m.Column(p.col.Name) == nil {
				tt.m.Columns = append(tt.m.Columns, inheritedColumn(p.col))
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return p.constraints, nil
}

// mergeOptions sets (or with reset, removes) storage parameters as
// PostgreSQL does (transformRelOptions): the ones not named keep their
// places, and the ones set follow, in the order given.
func mergeOptions(cur, opts []string, reset bool) []string {
	out := slices.Clone(cur)
	for _, o := range opts {
		name, _, _ := strings.Cut(o, "=")
		out = slices.DeleteFunc(out, func(x string) bool { return strings.HasPrefix(x, name+"=") })
		if !reset {
			out = append(out, o)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return toastLast(out)
}

// attachPartition handles ALTER TABLE parent ATTACH PARTITION child. The
// parent's indexes and constraints reach the partition: matching ones it
// already has become implied, missing ones are created implied.
func (b *builder) attachPartition(parent *table, pc *pg.PartitionCmd) error {
	if parent.m.PartitionBy == nil {
		return b.errorAt(-1, ErrInvalid, "table %s is not partitioned", parent.m.Name)
	}
	child, err := b.table(pc.Name)
	if err != nil {
		return err
	}
	if child.m.PartitionOf != nil || len(child.parents) > 0 {
		return b.errorAt(pc.Name.Location, ErrInvalid, "table %s is already a partition or a child", child.m.Name)
	}
	for _, pcol := range parent.m.Columns {
		c := child.m.Column(pcol.Name)
		if c == nil || c.Type != pcol.Type {
			return b.errorAt(pc.Name.Location, ErrInvalid, "table %s does not match the columns of %s", child.m.Name, parent.m.Name)
		}
	}
	if child.m.PartitionBound, err = b.partitionBound(parent, pc.Bound); err != nil {
		return err
	}
	child.m.PartitionOf = &parent.m.Name
	child.parents = []*table{parent}
	parent.children = append(parent.children, child)
	for _, ix := range b.indexesOf(parent) {
		b.attachOrCreateChildIndex(ix, child)
	}
	// A foreign key the partition has that matches one of the parent's is
	// attached to it and becomes implied.
	for _, pcon := range parent.m.Constraints {
		if pcon.Kind != model.ForeignKey {
			continue
		}
		child.m.Constraints = slices.DeleteFunc(child.m.Constraints, func(c *model.Constraint) bool {
			return c.Kind == model.ForeignKey && sameForeignKey(c, pcon)
		})
	}
	return nil
}

func sameForeignKey(a, b *model.Constraint) bool {
	return slices.Equal(a.Columns, b.Columns) && slices.Equal(a.RefColumns, b.RefColumns) &&
		a.References != nil && b.References != nil && *a.References == *b.References && a.OnDelete == b.OnDelete && a.OnUpdate == b.OnUpdate &&
		slices.Equal(a.OnDeleteColumns, b.OnDeleteColumns) &&
		a.Match == b.Match && a.Deferrable == b.Deferrable && a.InitiallyDeferred == b.InitiallyDeferred
}

// alterIndex handles ALTER INDEX ... ATTACH PARTITION and SET (...).
func (b *builder) alterIndex(s *pg.AlterTableStmt) error {
	n, err := b.relation(s.Relation)
	if err != nil {
		return err
	}
	ix := b.indexes[n]
	if ix == nil {
		return b.errorAt(s.Relation.Location, ErrUndefined, "index %s does not exist", n)
	}
	for _, cn := range s.Cmds {
		c := cn.GetAlterTableCmd()
		switch c.Subtype {
		case pg.AlterTableType_AT_AttachPartition:
			cname, err := b.relation(c.Def.GetPartitionCmd().Name)
			if err != nil {
				return err
			}
			child := b.indexes[cname]
			if child == nil {
				return b.errorAt(-1, ErrUndefined, "index %s does not exist", cname)
			}
			if !slices.Contains(ix.table.children, child.table) {
				return b.errorAt(-1, ErrInvalid, "index %s is not on a partition of %s", cname, ix.table.m.Name)
			}
			b.attachIndex(ix, child)
		case pg.AlterTableType_AT_SetRelOptions, pg.AlterTableType_AT_ResetRelOptions:
			opts, err := b.relOptions(c.Def.GetList().GetItems())
			if err != nil {
				return err
			}
			ix.m.Options = mergeOptions(ix.m.Options, opts, c.Subtype == pg.AlterTableType_AT_ResetRelOptions)
			if ix.constraint != nil {
				ix.constraint.Options = ix.m.Options
			}
		case pg.AlterTableType_AT_ChangeOwner:
			// An index belongs to its table's owner; PostgreSQL ignores
			// this with a warning.
			b.role(c.Newowner, false)
		case pg.AlterTableType_AT_SetStatistics:
			if err := b.setKeyStatistics(ix, c); err != nil {
				return err
			}
		default:
			return b.unsupported("ALTER INDEX " + atName(c.Subtype))
		}
	}
	return nil
}

// setKeyStatistics applies ALTER INDEX ... ALTER COLUMN n SET STATISTICS,
// which PostgreSQL allows on expression keys only, by number. (On a
// partitioned index it reaches the indexes attached to it, which the
// model leaves implied.)
func (b *builder) setKeyStatistics(ix *index, c *pg.AlterTableCmd) error {
	if c.Name != "" {
		return b.errorAt(-1, ErrInvalid, "cannot refer to index column %q by name; use its number", c.Name)
	}
	if ix.constraint != nil {
		return b.unsupported("ALTER INDEX SET STATISTICS on the index of constraint " + ix.constraint.Name)
	}
	n := int(c.Num)
	if n < 1 || n > len(ix.m.Keys)+len(ix.m.Include) {
		return b.errorAt(-1, ErrUndefined, "column number %d of relation %s does not exist", n, ix.m.Name)
	}
	if n > len(ix.m.Keys) || ix.m.Keys[n-1].Expr == nil {
		return b.errorAt(-1, ErrInvalid, "cannot alter statistics on non-expression column %d of index %s", n, ix.m.Name)
	}
	t, err := b.statisticsTarget(int(c.Def.GetInteger().GetIval()))
	if err != nil {
		return err
	}
	ix.m.Keys[n-1].Statistics = t
	return nil
}

// replicaIdentity applies REPLICA IDENTITY.
func (b *builder) replicaIdentity(t *table, s *pg.ReplicaIdentityStmt) error {
	t.m.ReplicaIdentity, t.m.ReplicaIdentityIndex = "", ""
	switch s.IdentityType {
	case "f":
		t.m.ReplicaIdentity = "FULL"
	case "n":
		t.m.ReplicaIdentity = "NOTHING"
	case "i":
		ix := b.indexes[model.Name{Schema: t.m.Name.Schema, Name: s.Name}]
		if ix == nil || ix.table != t {
			return b.errorAt(-1, ErrUndefined, "index %s for table %s does not exist", s.Name, t.m.Name)
		}
		t.m.ReplicaIdentity, t.m.ReplicaIdentityIndex = "INDEX", s.Name
	}
	return nil
}

// dropColumn handles DROP COLUMN. Children lose the column too when they
// only inherited it. Constraints and indexes on the column go with it, as
// PostgreSQL drops them.
func (b *builder) dropColumn(t *table, name string, missingOK bool) error {
	if t.m.Column(name) == nil {
		if missingOK {
			return nil
		}
		return b.errorAt(-1, ErrUndefined, "column %s of relation %s does not exist", name, t.m.Name.Name)
	}
	t.m.Columns = slices.DeleteFunc(t.m.Columns, func(c *model.Column) bool { return c.Name == name })
	delete(t.local, name)
	t.m.Constraints = slices.DeleteFunc(t.m.Constraints, func(c *model.Constraint) bool {
		return slices.Contains(c.Columns, name) || slices.Contains(c.Include, name) ||
			c.Kind == model.Check && slices.Contains(referencedColumnsOfExpr(c.Expr), name)
	})
	for _, ix := range b.indexesOf(t) {
		if indexUses(ix.m, name) {
			b.dropIndex(ix)
		}
	}
	for n, s := range b.sequences {
		if s.m.OwnedBy != nil && s.m.OwnedBy.Table == t.m.Name && s.m.OwnedBy.Column == name {
			delete(b.sequences, n)
			b.releaseRelname(n.Schema, n.Name)
		}
	}
	for _, child := range t.children {
		if !child.local[name] && child.m.Column(name) != nil {
			if err := b.dropColumn(child, name, false); err != nil {
				return err
			}
		}
	}
	return nil
}

func indexUses(ix *model.Index, col string) bool {
	for _, k := range ix.Keys {
		if k.Column == col || k.Expr != nil && slices.Contains(referencedColumnsOfExpr(k.Expr), col) {
			return true
		}
	}
	return slices.Contains(ix.Include, col) || ix.Where != nil && slices.Contains(referencedColumnsOfExpr(ix.Where), col)
}

// referencedColumnsOfExpr returns the columns a stored expression uses.
func referencedColumnsOfExpr(e *model.Expr) []string {
	if e == nil {
		return nil
	}
	n, err := sqlnorm.ParseExprNode(e.SQL)
	if err != nil {
		return nil
	}
	return referencedColumns(n)
}

// clusterOn marks the index CLUSTER uses for a table (ALTER TABLE ...
// CLUSTER ON, and CLUSTER ... USING, which marks it too).
func (b *builder) clusterOn(t *table, index string) error {
	ix := b.indexes[model.Name{Schema: t.m.Name.Schema, Name: index}]
	if ix == nil || ix.table != t {
		return b.errorAt(-1, ErrUndefined, "index %s for table %s does not exist", index, t.m.Name)
	}
	if t.m.PartitionBy != nil {
		return b.errorAt(-1, ErrInvalid, "cannot mark index clustered in partitioned table %s", t.m.Name)
	}
	t.m.ClusterOn = index
	return nil
}

// cluster applies CLUSTER: with USING, it marks the index as ALTER TABLE
// ... CLUSTER ON does; the rows' order it makes is data, not schema.
func (b *builder) cluster(s *pg.ClusterStmt) error {
	if s.Relation == nil || s.Indexname == "" {
		return nil
	}
	t, err := b.table(s.Relation)
	if err != nil {
		return err
	}
	return b.clusterOn(t, s.Indexname)
}

// dropConstraint applies ALTER TABLE ... DROP CONSTRAINT to a constraint
// the files created earlier, with the index behind a primary key, unique
// or exclusion constraint. A table with partitions, inheritance children
// or parents is refused: its constraints reach across the tree in ways
// the files are better off stating (leave the constraint out instead).
func (b *builder) dropConstraint(t *table, name string, missingOK, cascade bool) error {
	con := t.m.Constraint(name)
	if con == nil {
		if missingOK {
			return nil
		}
		return b.errorAt(-1, ErrUndefined, "constraint %s of relation %s does not exist", name, t.m.Name.Name)
	}
	switch {
	case cascade:
		return b.unsupported("ALTER TABLE DROP CONSTRAINT ... CASCADE")
	case len(t.children) > 0 || len(t.parents) > 0:
		return b.unsupported("ALTER TABLE DROP CONSTRAINT on a table with partitions, inheritance children or parents (leave the constraint out instead)")
	}
	if con.Kind == model.PrimaryKey || con.Kind == model.Unique {
		for _, on := range b.tableNames() {
			other := b.tables[on]
			for _, fk := range other.m.Constraints {
				if fk.Kind == model.ForeignKey && fk.References != nil && *fk.References == t.m.Name && slices.Equal(fk.RefColumns, con.Columns) {
					return b.errorAt(-1, ErrInvalid, "cannot drop constraint %s on table %s because constraint %s on table %s depends on it", name, t.m.Name, fk.Name, other.m.Name)
				}
			}
		}
	}
	t.m.Constraints = slices.DeleteFunc(t.m.Constraints, func(c *model.Constraint) bool { return c == con })
	for _, ix := range b.indexesOf(t) {
		if ix.constraint == con {
			b.dropIndex(ix)
		}
	}
	return nil
}

// tableNames returns the names of the tables defined so far, sorted, so
// that a message naming one of several is the same on every run.
func (b *builder) tableNames() []model.Name {
	return slices.SortedFunc(maps.Keys(b.tables), func(x, y model.Name) int {
		return cmp.Or(cmp.Compare(x.Schema, y.Schema), cmp.Compare(x.Name, y.Name))
	})
}
