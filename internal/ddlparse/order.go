package ddlparse

import (
	"container/heap"
	"errors"
	"fmt"
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/internal/sqlnorm"
)

// A schema is a set of objects, not a script: the files may define them in
// any order, across any number of files. Load first applies the statements
// in the order given, which is what a file that PostgreSQL would accept
// needs and costs nothing more. When a statement refers to something not
// defined yet, Load starts again with the statements put in dependency
// order: each statement after the ones that create what it names (the
// objects, and the columns it reads), otherwise in the order given. Names
// are resolved with the search_path in effect where each statement was
// written. A reference that nothing creates, and a real cycle, are errors
// that name every statement involved.
//
// Foreign keys take no part in the order: one table may reference another
// defined later, and two tables each other; the builder resolves them once
// every statement has been applied.

// unit is one statement of the schema, with what reading it needs.
type unit struct {
	src  *source
	st   stmt
	path []string
	// pos is the statement's place in the files as given.
	pos int
	// class puts schemas (0) before extensions (1) before everything else
	// (2): extensions provide objects the readers cannot list.
	class int
	deps  unitDeps
}

// objKind is the kind of a name statements create and refer to.
type objKind int

const (
	kSchema objKind = iota
	kRelation
	kType
	kFunction
	kCollation
	// Sub-objects of a relation, named by the relation and their own name.
	kColumn
	kConstraint
	kTrigger
	kPolicy
)

var kindNames = map[objKind]string{kSchema: "schema", kRelation: "relation", kType: "type",
	kFunction: "function", kCollation: "collation", kColumn: "column", kConstraint: "constraint",
	kTrigger: "trigger", kPolicy: "policy"}

// objKey identifies an object; sub is the sub-object's name.
type objKey struct {
	kind         objKind
	schema, name string
	sub          string
}

func (k objKey) String() string {
	s := kindNames[k.kind] + " " + pgsql.QualifiedName(k.schema, k.name)
	if k.kind == kSchema {
		s = "schema " + pgsql.QuoteIdent(k.name)
	}
	if k.sub != "" {
		s = kindNames[k.kind] + " " + pgsql.QuoteIdent(k.sub) + " of " + pgsql.QualifiedName(k.schema, k.name)
	}
	return s
}

// ref is a name a statement uses: schema is "" when unqualified, and sub
// names a sub-object of the relation (a column, "*" for all of them).
type ref struct {
	kind         objKind
	schema, name string
	sub          string
	loc          int32
}

type unitDeps struct {
	provides []objKey
	needs    []ref
	drops    []ref
	// partitionOf is the parent a statement makes a table a partition of
	// (PARTITION OF, or ALTER TABLE parent ATTACH PARTITION); indexesOn
	// the table a statement creates an index on (CREATE INDEX, or a
	// primary key, unique or exclusion constraint).
	partitionOf, indexesOn *ref
}

func (d *unitDeps) need(kind objKind, names []string, loc int32) {
	switch len(names) {
	case 1:
		d.needs = append(d.needs, ref{kind: kind, name: names[0], loc: loc})
	case 2:
		d.needs = append(d.needs, ref{kind: kind, schema: names[0], name: names[1], loc: loc})
	case 3:
		d.needs = append(d.needs, ref{kind: kind, schema: names[1], name: names[2], loc: loc})
	}
}

// sub adds a need of a sub-object of the relation r.
func (d *unitDeps) sub(kind objKind, r ref, name string) {
	d.needs = append(d.needs, ref{kind: kind, schema: r.schema, name: r.name, sub: name, loc: r.loc})
}

func rangeRef(rv *pg.RangeVar) ref {
	return ref{kind: kRelation, schema: rv.Schemaname, name: rv.Relname, loc: rv.Location}
}

// analyze records what a statement creates and what it refers to. The
// names it creates are resolved later, with the statement's search_path.
func (u *unit) analyze() {
	d := &u.deps
	u.class = 2
	var subject *ref
	// skip lists the nodes that name what the statement creates or
	// alters rather than what it reads.
	skip := map[*pg.RangeVar]bool{}
	provide := func(kind objKind, r ref) {
		d.provides = append(d.provides, objKey{kind: kind, schema: r.schema, name: r.name, sub: r.sub})
	}
	switch v := u.st.node.Node.(type) {
	case *pg.Node_CreateSchemaStmt:
		u.class = 0
		provide(kSchema, ref{name: v.CreateSchemaStmt.Schemaname})
		return
	case *pg.Node_CreateExtensionStmt:
		u.class = 1
		for _, o := range v.CreateExtensionStmt.Options {
			if de := o.GetDefElem(); de != nil && de.Defname == "schema" {
				d.needs = append(d.needs, ref{kind: kSchema, name: de.Arg.GetString_().GetSval(), loc: de.Location})
			}
		}
		return
	case *pg.Node_DefineStmt:
		provide(kCollation, nameRef(sqlnorm.Strings(v.DefineStmt.Defnames)))
	case *pg.Node_CreateEnumStmt:
		provide(kType, nameRef(sqlnorm.Strings(v.CreateEnumStmt.TypeName)))
	case *pg.Node_CompositeTypeStmt:
		skip[v.CompositeTypeStmt.Typevar] = true
		provide(kType, rangeRef(v.CompositeTypeStmt.Typevar))
	case *pg.Node_CreateDomainStmt:
		provide(kType, nameRef(sqlnorm.Strings(v.CreateDomainStmt.Domainname)))
	case *pg.Node_CreateSeqStmt:
		skip[v.CreateSeqStmt.Sequence] = true
		provide(kRelation, rangeRef(v.CreateSeqStmt.Sequence))
		d.ownedBy(v.CreateSeqStmt.Options)
	case *pg.Node_AlterSeqStmt:
		r := rangeRef(v.AlterSeqStmt.Sequence)
		subject = &r
		skip[v.AlterSeqStmt.Sequence] = true
		d.ownedBy(v.AlterSeqStmt.Options)
	case *pg.Node_CreateStmt:
		s := v.CreateStmt
		skip[s.Relation] = true
		r := rangeRef(s.Relation)
		provide(kRelation, r)
		provide(kType, r)
		if s.Partbound != nil && len(s.InhRelations) == 1 {
			p := rangeRef(s.InhRelations[0].GetRangeVar())
			d.partitionOf = &p
		}
		for _, e := range s.TableElts {
			switch el := e.Node.(type) {
			case *pg.Node_ColumnDef:
				provide(kColumn, ref{schema: r.schema, name: r.name, sub: el.ColumnDef.Colname})
				d.columnConstraints(r, el.ColumnDef, provide)
				if names := sqlnorm.Strings(el.ColumnDef.GetTypeName().GetNames()); len(names) > 0 {
					if _, serial := pgsql.SerialType(names[len(names)-1]); serial {
						// The sequence a serial column creates, as PostgreSQL
						// usually names it.
						provide(kRelation, ref{schema: r.schema, name: r.name + "_" + el.ColumnDef.Colname + "_seq"})
					}
				}
			case *pg.Node_Constraint:
				d.constraint(r, el.Constraint, provide)
			case *pg.Node_TableLikeClause:
				// LIKE copies what its source has: all of its columns.
				d.sub(kColumn, rangeRef(el.TableLikeClause.Relation), "*")
			}
		}
	case *pg.Node_AlterTableStmt:
		s := v.AlterTableStmt
		skip[s.Relation] = true
		r := rangeRef(s.Relation)
		subject = &r
		if s.Objtype == pg.ObjectType_OBJECT_TYPE {
			// ALTER TYPE of a composite type's attributes.
			r.kind = kType
			break
		}
		for _, c := range s.Cmds {
			cmd := c.GetAlterTableCmd()
			switch cmd.Subtype {
			case pg.AlterTableType_AT_AddColumn:
				cd := cmd.Def.GetColumnDef()
				provide(kColumn, ref{schema: r.schema, name: r.name, sub: cd.Colname})
				d.columnConstraints(r, cd, provide)
			case pg.AlterTableType_AT_AddConstraint:
				d.constraint(r, cmd.Def.GetConstraint(), provide)
				switch cmd.Def.GetConstraint().GetContype() {
				case pg.ConstrType_CONSTR_PRIMARY, pg.ConstrType_CONSTR_UNIQUE, pg.ConstrType_CONSTR_EXCLUSION:
					d.indexesOn = &r
				}
			case pg.AlterTableType_AT_AttachPartition:
				d.partitionOf = &r
			case pg.AlterTableType_AT_ValidateConstraint, pg.AlterTableType_AT_DropConstraint:
				d.sub(kConstraint, r, cmd.Name)
			case pg.AlterTableType_AT_AlterConstraint:
				d.sub(kConstraint, r, cmd.Def.GetConstraint().GetConname())
			case pg.AlterTableType_AT_ColumnDefault, pg.AlterTableType_AT_CookedColumnDefault, pg.AlterTableType_AT_DropNotNull,
				pg.AlterTableType_AT_SetNotNull, pg.AlterTableType_AT_DropExpression, pg.AlterTableType_AT_SetStatistics,
				pg.AlterTableType_AT_SetOptions, pg.AlterTableType_AT_ResetOptions, pg.AlterTableType_AT_SetStorage,
				pg.AlterTableType_AT_SetCompression, pg.AlterTableType_AT_DropColumn, pg.AlterTableType_AT_AlterColumnType,
				pg.AlterTableType_AT_AddIdentity, pg.AlterTableType_AT_SetIdentity, pg.AlterTableType_AT_DropIdentity:
				d.sub(kColumn, r, cmd.Name)
			case pg.AlterTableType_AT_ReplicaIdentity:
				if n := cmd.Def.GetReplicaIdentityStmt().GetName(); n != "" {
					d.needs = append(d.needs, ref{kind: kRelation, schema: r.schema, name: n, loc: -1})
				}
			case pg.AlterTableType_AT_EnableTrig, pg.AlterTableType_AT_DisableTrig, pg.AlterTableType_AT_EnableAlwaysTrig,
				pg.AlterTableType_AT_EnableReplicaTrig:
				d.sub(kTrigger, r, cmd.Name)
			}
		}
	case *pg.Node_IndexStmt:
		s := v.IndexStmt
		skip[s.Relation] = true
		r := rangeRef(s.Relation)
		subject = &r
		d.indexesOn = &r
		if s.Idxname != "" {
			provide(kRelation, ref{schema: r.schema, name: s.Idxname})
		}
		for _, p := range s.IndexParams {
			if n := p.GetIndexElem().GetName(); n != "" {
				d.sub(kColumn, r, n)
			}
		}
		for _, p := range s.IndexIncludingParams {
			if n := p.GetIndexElem().GetName(); n != "" {
				d.sub(kColumn, r, n)
			}
		}
	case *pg.Node_ViewStmt:
		skip[v.ViewStmt.View] = true
		provide(kRelation, rangeRef(v.ViewStmt.View))
		provide(kType, rangeRef(v.ViewStmt.View))
	case *pg.Node_CreateTableAsStmt:
		if rel := v.CreateTableAsStmt.GetInto().GetRel(); rel != nil {
			skip[rel] = true
			provide(kRelation, rangeRef(rel))
			provide(kType, rangeRef(rel))
		}
	case *pg.Node_CreateFunctionStmt:
		provide(kFunction, nameRef(sqlnorm.Strings(v.CreateFunctionStmt.Funcname)))
	case *pg.Node_CreateTrigStmt:
		s := v.CreateTrigStmt
		skip[s.Relation] = true
		r := rangeRef(s.Relation)
		subject = &r
		provide(kTrigger, ref{schema: r.schema, name: r.name, sub: s.Trigname})
		d.need(kFunction, sqlnorm.Strings(s.Funcname), -1)
		for _, c := range sqlnorm.Strings(s.Columns) {
			d.sub(kColumn, r, c)
		}
	case *pg.Node_CreatePolicyStmt:
		s := v.CreatePolicyStmt
		skip[s.Table] = true
		r := rangeRef(s.Table)
		subject = &r
		provide(kPolicy, ref{schema: r.schema, name: r.name, sub: s.PolicyName})
	case *pg.Node_CommentStmt:
		d.commentTarget(v.CommentStmt)
		return
	case *pg.Node_AlterEnumStmt:
		d.need(kType, sqlnorm.Strings(v.AlterEnumStmt.TypeName), -1)
	case *pg.Node_AlterDomainStmt:
		d.need(kType, sqlnorm.Strings(v.AlterDomainStmt.TypeName), -1)
	case *pg.Node_ClusterStmt:
		if rel := v.ClusterStmt.Relation; rel != nil {
			skip[rel] = true
			r := rangeRef(rel)
			subject = &r
			if n := v.ClusterStmt.Indexname; n != "" {
				d.needs = append(d.needs, ref{kind: kRelation, schema: r.schema, name: n, loc: -1})
			}
		}
	case *pg.Node_AlterFunctionStmt:
		d.need(kFunction, sqlnorm.Strings(v.AlterFunctionStmt.Func.GetObjname()), -1)
	case *pg.Node_DropStmt:
		d.dropTargets(v.DropStmt)
		return
	}
	if subject != nil {
		d.needs = append(d.needs, *subject)
	}
	d.walk(u.st.node, skip, subject)
}

// nameRef turns a possibly qualified name list into a reference.
func nameRef(parts []string) ref {
	switch len(parts) {
	case 0:
		return ref{}
	case 1:
		return ref{name: parts[0], loc: -1}
	}
	return ref{schema: parts[len(parts)-2], name: parts[len(parts)-1], loc: -1}
}

// ownedBy records the table of a sequence's OWNED BY.
func (d *unitDeps) ownedBy(opts []*pg.Node) {
	for _, o := range opts {
		de := o.GetDefElem()
		if de == nil || de.Defname != "owned_by" {
			continue
		}
		parts := sqlnorm.Strings(de.Arg.GetList().GetItems())
		if len(parts) >= 2 && !(len(parts) == 1 && parts[0] == "none") {
			r := nameRef(parts[:len(parts)-1])
			r.kind, r.loc = kRelation, de.Location
			d.needs = append(d.needs, r)
			d.sub(kColumn, r, parts[len(parts)-1])
		}
	}
}

// columnConstraints records the names a column's constraints create.
func (d *unitDeps) columnConstraints(r ref, cd *pg.ColumnDef, provide func(objKind, ref)) {
	for _, c := range cd.Constraints {
		if con := c.GetConstraint(); con != nil {
			d.constraint(r, con, provide)
		}
	}
}

// constraint records a constraint's name (the one PostgreSQL gives an
// unnamed primary key, too) and the columns its keys use.
func (d *unitDeps) constraint(r ref, c *pg.Constraint, provide func(objKind, ref)) {
	name := c.Conname
	if name == "" && c.Contype == pg.ConstrType_CONSTR_PRIMARY {
		name = r.name + "_pkey"
	}
	if name != "" {
		provide(kConstraint, ref{schema: r.schema, name: r.name, sub: name})
		switch c.Contype {
		case pg.ConstrType_CONSTR_PRIMARY, pg.ConstrType_CONSTR_UNIQUE, pg.ConstrType_CONSTR_EXCLUSION:
			// The constraint's index takes its name.
			provide(kRelation, ref{schema: r.schema, name: name})
		}
	}
	if c.Indexname != "" {
		// ... USING INDEX: the index becomes the constraint's.
		d.needs = append(d.needs, ref{kind: kRelation, schema: r.schema, name: c.Indexname, loc: c.Location})
	}
	for _, list := range [][]*pg.Node{c.Keys, c.Including, c.FkAttrs} {
		for _, k := range sqlnorm.Strings(list) {
			d.sub(kColumn, r, k)
		}
	}
}

// commentTarget records what a COMMENT ON names.
func (d *unitDeps) commentTarget(s *pg.CommentStmt) {
	items := sqlnorm.Strings(s.Object.GetList().GetItems())
	parent := func() (ref, string, bool) {
		if len(items) < 2 {
			return ref{}, "", false
		}
		r := nameRef(items[:len(items)-1])
		r.kind = kRelation
		return r, items[len(items)-1], true
	}
	switch s.Objtype {
	case pg.ObjectType_OBJECT_SCHEMA:
		d.needs = append(d.needs, ref{kind: kSchema, name: s.Object.GetString_().GetSval(), loc: -1})
	case pg.ObjectType_OBJECT_TABLE, pg.ObjectType_OBJECT_VIEW, pg.ObjectType_OBJECT_MATVIEW,
		pg.ObjectType_OBJECT_SEQUENCE, pg.ObjectType_OBJECT_INDEX:
		d.need(kRelation, items, -1)
	case pg.ObjectType_OBJECT_COLUMN, pg.ObjectType_OBJECT_TABCONSTRAINT, pg.ObjectType_OBJECT_TRIGGER,
		pg.ObjectType_OBJECT_POLICY:
		r, name, ok := parent()
		if !ok {
			return
		}
		d.needs = append(d.needs, r)
		kind := map[pg.ObjectType]objKind{pg.ObjectType_OBJECT_COLUMN: kColumn, pg.ObjectType_OBJECT_TABCONSTRAINT: kConstraint,
			pg.ObjectType_OBJECT_TRIGGER: kTrigger, pg.ObjectType_OBJECT_POLICY: kPolicy}[s.Objtype]
		d.sub(kind, r, name)
	case pg.ObjectType_OBJECT_TYPE, pg.ObjectType_OBJECT_DOMAIN:
		d.need(kType, sqlnorm.Strings(s.Object.GetTypeName().GetNames()), -1)
	case pg.ObjectType_OBJECT_DOMCONSTRAINT:
		if l := s.Object.GetList().GetItems(); len(l) > 0 {
			d.need(kType, sqlnorm.Strings(l[0].GetTypeName().GetNames()), -1)
		}
	case pg.ObjectType_OBJECT_COLLATION:
		d.need(kCollation, items, -1)
	case pg.ObjectType_OBJECT_FUNCTION, pg.ObjectType_OBJECT_PROCEDURE, pg.ObjectType_OBJECT_ROUTINE:
		d.need(kFunction, sqlnorm.Strings(s.Object.GetObjectWithArgs().GetObjname()), -1)
	}
}

// dropTargets records what a DROP removes.
func (d *unitDeps) dropTargets(s *pg.DropStmt) {
	for _, o := range s.Objects {
		var r ref
		switch s.RemoveType {
		case pg.ObjectType_OBJECT_TABLE, pg.ObjectType_OBJECT_VIEW, pg.ObjectType_OBJECT_MATVIEW,
			pg.ObjectType_OBJECT_SEQUENCE, pg.ObjectType_OBJECT_INDEX:
			r = nameRef(sqlnorm.Strings(o.GetList().GetItems()))
			r.kind = kRelation
		case pg.ObjectType_OBJECT_TYPE, pg.ObjectType_OBJECT_DOMAIN:
			r = nameRef(sqlnorm.Strings(o.GetTypeName().GetNames()))
			r.kind = kType
		case pg.ObjectType_OBJECT_FUNCTION, pg.ObjectType_OBJECT_PROCEDURE:
			r = nameRef(sqlnorm.Strings(o.GetObjectWithArgs().GetObjname()))
			r.kind = kFunction
		default:
			continue
		}
		d.drops = append(d.drops, r)
	}
}

// walk records every name the statement's tree refers to: relations (and
// the columns read from them), types, functions, collations and the
// relations named by regclass constants. A foreign key's referenced table
// is left out, so that references may go both ways.
func (d *unitDeps) walk(n *pg.Node, skip map[*pg.RangeVar]bool, subject *ref) {
	var rels []ref
	var cols []string
	walkMessages(n.ProtoReflect(), func(m proto.Message) bool {
		switch v := m.(type) {
		case *pg.Constraint:
			if v.Contype == pg.ConstrType_CONSTR_FOREIGN {
				return false
			}
		case *pg.RangeVar:
			if !skip[v] {
				r := rangeRef(v)
				rels = append(rels, r)
				d.needs = append(d.needs, r)
			}
		case *pg.TypeName:
			names := sqlnorm.Strings(v.Names)
			if v.PctType && len(names) >= 2 {
				r := nameRef(names[:len(names)-1])
				r.kind, r.loc = kRelation, v.Location
				d.needs = append(d.needs, r)
				d.sub(kColumn, r, names[len(names)-1])
			} else {
				d.need(kType, names, v.Location)
			}
		case *pg.FuncCall:
			d.need(kFunction, sqlnorm.Strings(v.Funcname), v.Location)
		case *pg.CollateClause:
			d.need(kCollation, sqlnorm.Strings(v.Collname), v.Location)
		case *pg.TypeCast:
			names := sqlnorm.Strings(v.GetTypeName().GetNames())
			if len(names) > 0 && names[len(names)-1] == "regclass" {
				if s, ok := sqlnorm.ConstText(v.Arg); ok {
					if parts := pgsql.SplitQualified(s); len(parts) > 0 {
						d.need(kRelation, parts, v.Location)
					}
				}
			}
		case *pg.ColumnRef:
			cols = append(cols, sqlnorm.Strings(v.Fields)...)
		}
		return true
	})
	// The columns a statement reads come from its subject or from the
	// relations it reads; a name that is no column of them needs nothing.
	if subject != nil {
		rels = append(rels, *subject)
	}
	for _, r := range rels {
		for _, c := range cols {
			d.sub(kColumn, r, c)
		}
	}
}

// orderer puts units in dependency order.
type orderer struct {
	units []*unit
	// providers lists the units that create each object, in order.
	providers map[objKey][]*unit
	// columns lists, per relation, the units that create its columns.
	columns map[objKey][]*unit
}

// key resolves a reference made by u to the object it names: a qualified
// name as written, an unqualified one through u's search_path (pg_catalog
// first unless listed), as the server would. ok is false when nothing the
// files create matches, which leaves it to the builder.
func (o *orderer) key(u *unit, r ref) (objKey, bool) {
	kind := r.kind
	if kind >= kColumn {
		kind = kRelation
	}
	k := objKey{kind: kind, schema: r.schema, name: r.name}
	if kind == kSchema {
		k.schema = ""
		return k, len(o.providers[k]) > 0
	}
	if r.schema != "" {
		return k, len(o.providers[k]) > 0
	}
	path := u.path
	if !slices.Contains(path, "pg_catalog") {
		path = append([]string{"pg_catalog"}, path...)
	}
	for _, s := range path {
		if s == "pg_catalog" {
			if builtin(kind, r.name) {
				return objKey{}, false
			}
			continue
		}
		k.schema = s
		if len(o.providers[k]) > 0 {
			return k, true
		}
	}
	return objKey{}, false
}

func builtin(kind objKind, name string) bool {
	switch kind {
	case kRelation:
		return sqlnorm.IsBuiltin(sqlnorm.KindRelation, name)
	case kType:
		return sqlnorm.IsBuiltin(sqlnorm.KindType, name)
	case kFunction:
		return sqlnorm.IsBuiltin(sqlnorm.KindFunction, name)
	}
	return false
}

// provider picks, among the units that create an object, the one a
// statement means: the last one written before it, or else the first.
func provider(us []*unit, user *unit) *unit {
	var best *unit
	for _, p := range us {
		if p == user {
			continue
		}
		if p.pos < user.pos {
			best = p
		} else if best == nil {
			return p
		}
	}
	return best
}

// creationKey resolves the name a unit creates: unqualified, in the first
// schema of its search_path that the files (or PostgreSQL) have.
func (o *orderer) creationKey(u *unit, k objKey, schemas map[string]bool) objKey {
	if k.kind == kSchema || k.schema != "" {
		return k
	}
	for _, s := range u.path {
		if s == "pg_catalog" || s == "$user" || s == "pg_temp" {
			continue
		}
		if schemas[s] {
			k.schema = s
			return k
		}
	}
	return k
}

// order returns the units in dependency order, or an error for a cycle.
func order(units []*unit) ([]*unit, *orderer, error) {
	o := &orderer{units: units, providers: map[objKey][]*unit{}, columns: map[objKey][]*unit{}}
	schemas := map[string]bool{"public": true}
	for _, u := range units {
		u.analyze()
		for _, p := range u.deps.provides {
			if p.kind == kSchema {
				schemas[p.name] = true
			}
		}
	}
	for _, u := range units {
		for i, p := range u.deps.provides {
			p = o.creationKey(u, p, schemas)
			u.deps.provides[i] = p
			if p.kind == kColumn {
				rel := objKey{kind: kRelation, schema: p.schema, name: p.name}
				o.columns[rel] = append(o.columns[rel], u)
			}
			o.providers[p] = append(o.providers[p], u)
		}
	}
	// edges[i] lists the units that must come after unit i; why records
	// the name behind each edge, for cycle reports.
	edges := make([][]*unit, len(units))
	why := map[[2]int]string{}
	indeg := make([]int, len(units))
	seen := map[[2]int]bool{}
	edge := func(from, to *unit, what string) {
		if from == nil || from == to || seen[[2]int{from.pos, to.pos}] {
			return
		}
		seen[[2]int{from.pos, to.pos}] = true
		edges[from.pos] = append(edges[from.pos], to)
		why[[2]int{from.pos, to.pos}] = what
		indeg[to.pos]++
	}
	users := map[*unit][]*unit{}
	for _, u := range units {
		for _, r := range u.deps.needs {
			k, ok := o.key(u, r)
			if !ok {
				continue
			}
			switch r.kind {
			case kColumn:
				if r.sub == "*" {
					for _, p := range o.columns[k] {
						edge(p, u, k.String())
					}
					continue
				}
				ck := objKey{kind: kColumn, schema: k.schema, name: k.name, sub: r.sub}
				edge(provider(o.providers[ck], u), u, ck.String())
			case kConstraint, kTrigger, kPolicy:
				sk := objKey{kind: r.kind, schema: k.schema, name: k.name, sub: r.sub}
				edge(provider(o.providers[sk], u), u, sk.String())
			default:
				p := provider(o.providers[k], u)
				edge(p, u, k.String())
				if p != nil {
					users[p] = append(users[p], u)
				}
			}
		}
	}
	// An index on a partitioned table comes after its partitions, as a
	// dump creates them: a partition created afterwards would get an index
	// of its own where an existing one is adopted, and under a name that
	// may be taken.
	partitions := map[objKey][]*unit{}
	for _, u := range units {
		if r := u.deps.partitionOf; r != nil {
			if k, ok := o.key(u, *r); ok {
				partitions[k] = append(partitions[k], u)
			}
		}
	}
	for _, u := range units {
		if r := u.deps.indexesOn; r != nil {
			if k, ok := o.key(u, *r); ok {
				for _, p := range partitions[k] {
					edge(p, u, "a partition of "+k.String())
				}
			}
		}
	}
	// A DROP comes after everything that uses what it drops.
	for _, u := range units {
		for _, r := range u.deps.drops {
			k, ok := o.key(u, r)
			if !ok {
				continue
			}
			p := provider(o.providers[k], u)
			edge(p, u, k.String())
			for _, user := range users[p] {
				if user != u {
					edge(user, u, "the use of "+k.String()+" it drops")
				}
			}
		}
	}
	h := &unitHeap{}
	for _, u := range units {
		if indeg[u.pos] == 0 {
			heap.Push(h, u)
		}
	}
	out := make([]*unit, 0, len(units))
	for h.Len() > 0 {
		u := heap.Pop(h).(*unit)
		out = append(out, u)
		for _, v := range edges[u.pos] {
			indeg[v.pos]--
			if indeg[v.pos] == 0 {
				heap.Push(h, v)
			}
		}
	}
	if len(out) < len(units) {
		return nil, nil, cycleError(units, edges, indeg, why)
	}
	return out, o, nil
}

// explain adds to an error about an undefined object the places where
// something of that name is created that the statement could not see: in
// a schema off its search_path, or of another kind.
func (o *orderer) explain(u *unit, err error) error {
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrUndefined) {
		return err
	}
	var notes []string
	seen := map[*unit]bool{}
	for _, r := range u.deps.needs {
		if _, ok := o.key(u, r); ok || r.kind >= kColumn {
			continue
		}
		for k, ps := range o.providers {
			if k.name != r.name || k.sub != "" || (r.schema != "" && k.schema == r.schema && k.kind == r.kind) {
				continue
			}
			for _, p := range ps {
				if seen[p] || p == u {
					continue
				}
				seen[p] = true
				where := "in schema " + pgsql.QuoteIdent(k.schema) + ", which is not on the search_path there"
				if r.schema != "" {
					where = "in schema " + pgsql.QuoteIdent(k.schema)
				}
				if k.kind != r.kind && (r.schema == "" || r.schema == k.schema) {
					where = "as a " + kindNames[k.kind] + ", not a " + kindNames[r.kind]
				}
				notes = append(notes, fmt.Sprintf("%s:%d creates %s %s", p.src.name, lineOf(p), k, where))
			}
		}
	}
	if len(notes) == 0 {
		return err
	}
	slices.Sort(notes)
	e2 := *e
	e2.Msg += " (" + strings.Join(notes, "; ") + ")"
	return &e2
}

// unitHeap pops the unit that comes first by class, then by position.
type unitHeap []*unit

func (h unitHeap) Len() int { return len(h) }
func (h unitHeap) Less(i, j int) bool {
	if h[i].class != h[j].class {
		return h[i].class < h[j].class
	}
	return h[i].pos < h[j].pos
}
func (h unitHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *unitHeap) Push(x any)   { *h = append(*h, x.(*unit)) }
func (h *unitHeap) Pop() any {
	old := *h
	u := old[len(old)-1]
	*h = old[:len(old)-1]
	return u
}

// cycleError describes one cycle among the units left unordered: each
// statement with its position and what it needs from the next.
func cycleError(units []*unit, edges [][]*unit, indeg []int, why map[[2]int]string) error {
	// Follow edges backwards (to a predecessor still blocked) until a unit
	// repeats: that closes a cycle.
	preds := map[int][]*unit{}
	for _, u := range units {
		if indeg[u.pos] == 0 {
			continue
		}
		for _, v := range edges[u.pos] {
			if indeg[v.pos] > 0 {
				preds[v.pos] = append(preds[v.pos], u)
			}
		}
	}
	var start *unit
	for _, u := range units {
		if indeg[u.pos] > 0 && len(preds[u.pos]) > 0 {
			start = u
			break
		}
	}
	var path []*unit
	at := map[int]int{}
	for u := start; u != nil; {
		if i, ok := at[u.pos]; ok {
			path = path[i:]
			break
		}
		at[u.pos] = len(path)
		path = append(path, u)
		u = preds[u.pos][0]
	}
	slices.Reverse(path)
	var b strings.Builder
	for i, u := range path {
		next := path[(i+1)%len(path)]
		line, _ := u.src.position(u.st.raw.Offset)
		first, _, _ := strings.Cut(strings.TrimSpace(u.st.raw.Text), "\n")
		fmt.Fprintf(&b, "\n  %s:%d: %s\n    creates %s, which %s:%d needs", u.src.name, line, first,
			why[[2]int{u.pos, next.pos}], next.src.name, lineOf(next))
	}
	first := path[0]
	e := errorAtUnit(first, ErrCycle, "the schema's objects depend on each other in a cycle; no order creates them:%s", b.String())
	return e
}

func lineOf(u *unit) int {
	l, _ := u.src.position(u.st.raw.Offset)
	return l
}

// errorAtUnit builds an Error at the start of a unit's statement.
func errorAtUnit(u *unit, kind error, format string, args ...any) *Error {
	line, col := u.src.position(u.st.raw.Offset)
	first, _, _ := strings.Cut(u.src.text[u.st.raw.Offset:], "\n")
	return &Error{File: u.src.name, Line: line, Column: col, Statement: strings.TrimSpace(first),
		Msg: fmt.Sprintf(format, args...), Kind: kind}
}

// walkMessages calls fn for m and every message below it, depth first,
// whether or not the parse tree wraps it in a Node (a column's TypeName, a
// statement's RangeVar are plain fields); fn returns false to skip a
// message's children.
func walkMessages(m protoreflect.Message, fn func(proto.Message) bool) {
	msg := m.Interface()
	if _, isNode := msg.(*pg.Node); !isNode && !fn(msg) {
		return
	}
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		if fd.Kind() != protoreflect.MessageKind || fd.IsMap() {
			return true
		}
		if fd.IsList() {
			l := v.List()
			for i := 0; i < l.Len(); i++ {
				walkMessages(l.Get(i).Message(), fn)
			}
			return true
		}
		walkMessages(v.Message(), fn)
		return true
	})
}
