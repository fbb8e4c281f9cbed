package ddlparse

import (
	"errors"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/internal/pgsql"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// builder applies statements, in order, to the schema they describe. It
// keeps what PostgreSQL would know at each point (the search_path, the names
// taken in each schema) so that names are resolved and chosen as the server
// would choose them.
type builder struct {
	cfg        *config
	src        *source
	cur        *stmt
	searchPath []string
	// tx is the current file's transaction block (see transaction).
	tx txState

	schemas    map[string]*model.Schema
	extensions map[string]*extension
	collations map[model.Name]*model.Collation
	enums      map[model.Name]*model.Enum
	domains    map[model.Name]*model.Domain
	composites map[model.Name]*model.Composite
	sequences  map[model.Name]*sequence
	functions  map[model.Name][]*model.Function
	tables     map[model.Name]*table
	views      map[model.Name]*view
	indexes    map[model.Name]*index
	// indexOrder lists indexes in creation order, for deterministic
	// propagation to partitions.
	indexOrder []*index
	triggers   map[model.Name][]*model.Trigger
	// rowTriggers marks the row-level triggers, by table and name: those
	// of a partitioned table are cloned to its partitions.
	rowTriggers map[model.ObjectID]bool

	// relnames and connames hold, per schema, the names taken in pg_class
	// and pg_constraint, including those of implied objects, for choosing
	// default names.
	relnames map[string]map[string]bool
	connames map[string]map[string]bool

	// pendingForeignKeys wait for tables created after them.
	pendingForeignKeys []*pendingForeignKey
	// misses records the names looked up in vain, when reading in the
	// order given (nil otherwise).
	misses map[miss]bool
	// roles are the roles the files name, roleIndex their positions in
	// it; accessDone marks the objects whose privileges are initialized;
	// defaults holds ALTER DEFAULT PRIVILEGES (see access.go).
	roles      []model.RoleUse
	roleIndex  map[string]int
	accessDone map[*model.Access]bool
	defaults   map[defaultsKey]*model.DefaultPrivileges
	// pendingDrops are DROPs of objects the files had not created yet.
	pendingDrops []pendingDrop

	definitionState
}

type extension struct {
	m    *model.Extension
	info *sqlnorm.ExtensionInfo // nil for an extension autogen does not know
}

type sequence struct {
	m *model.Sequence
	// identity is set for the sequence of an identity column, which the
	// model keeps in the column.
	identity bool
}

// table is a table being built. Columns hold every column, inherited ones
// included; finish drops the implied ones.
type table struct {
	m *model.Table
	// parents are the partitioned parent or the inheritance parents.
	parents []*table
	// children are the partitions or inheritance children.
	children []*table
	// local holds the columns the table declares itself, as opposed to
	// the ones it only inherits (PostgreSQL's attislocal).
	local map[string]bool
	// toast is set once the table has a TOAST table (see toastOptions).
	toast bool
}

// partitions returns the partitions of a partitioned table.
func (t *table) partitions() []*table {
	if t.m.PartitionBy == nil {
		return nil
	}
	return t.children
}

type view struct {
	m       *model.View
	columns []string
	// asTable presents a materialized view to the index code.
	asTable *table
}

// detail returns the view's listing of one of its columns, for its comment
// or default, adding it when there is none (finish drops it again if it
// ends up with neither).
func (v *view) detail(col string) *model.Column {
	i := slices.IndexFunc(v.m.ColumnDetails, func(c *model.Column) bool { return c.Name == col })
	if i < 0 {
		v.m.ColumnDetails = append(v.m.ColumnDetails, &model.Column{Name: col})
		i = len(v.m.ColumnDetails) - 1
	}
	return v.m.ColumnDetails[i]
}

// index is an index, including the ones behind constraints and the ones
// PostgreSQL creates on partitions.
type index struct {
	m *model.Index
	// constraint is set when the index implements a constraint of table.
	constraint *model.Constraint
	table      *table
	// implied is set for an index attached to, or created for, a parent
	// index; such an index is not listed.
	implied bool
	// parent is the partitioned index this one is attached to.
	parent *index
}

func newBuilder(cfg *config) *builder {
	// The public schema as PostgreSQL 15 creates it: USAGE for PUBLIC,
	// and its stock comment.
	public := &model.Schema{Name: "public", Comment: model.PublicSchemaComment,
		Access: model.Access{Grants: []model.Grant{{Grantee: model.Public, Privilege: "USAGE"}}}}
	return &builder{
		accessDone:  map[*model.Access]bool{&public.Access: true},
		cfg:         cfg,
		schemas:     map[string]*model.Schema{"public": public},
		extensions:  map[string]*extension{},
		collations:  map[model.Name]*model.Collation{},
		enums:       map[model.Name]*model.Enum{},
		domains:     map[model.Name]*model.Domain{},
		composites:  map[model.Name]*model.Composite{},
		sequences:   map[model.Name]*sequence{},
		functions:   map[model.Name][]*model.Function{},
		tables:      map[model.Name]*table{},
		views:       map[model.Name]*view{},
		indexes:     map[model.Name]*index{},
		triggers:    map[model.Name][]*model.Trigger{},
		rowTriggers: map[model.ObjectID]bool{},
		relnames:    map[string]map[string]bool{},
		connames:    map[string]map[string]bool{},
		definitionState: definitionState{definitions: map[model.ObjectID]*model.Definition{},
			shells: map[model.Name]position{}, partners: map[model.Name]position{},
			defaultClasses: map[model.ObjectID]bool{}},
	}
}

// ns returns the name resolution context of the current statement.
func (b *builder) ns() *sqlnorm.Namespace {
	return &sqlnorm.Namespace{SearchPath: b.searchPath, Lookup: b.lookup, Columns: b.columns, FunctionColumns: b.functionColumns,
		Definition: func(id model.ObjectID) *model.Definition { return b.definitions[id] },
		ConstraintName: func(table model.Name, column, suffix string) string {
			name := b.chooseConstraintName(table.Schema, table.Name, column, suffix, nil)
			b.takeConname(table.Schema, name)
			return name
		}}
}

// lookup reports whether the files, or an extension they install, define
// an object of the kind in the schema. A name not found is remembered: if
// a later statement creates it, the statements were not in dependency
// order, and Load reads them again in that order.
func (b *builder) lookup(kind sqlnorm.Kind, schema, name string) bool {
	if b.defines(kind, schema, name) {
		return true
	}
	if b.misses != nil {
		b.misses[miss{kind, schema, name}] = true
	}
	return false
}

// miss is a name looked up before anything defined it.
type miss struct {
	kind         sqlnorm.Kind
	schema, name string
}

// lateDefinitions reports whether a name looked up in vain was defined
// afterwards.
func (b *builder) lateDefinitions() bool {
	for m := range b.misses {
		if b.defines(m.kind, m.schema, m.name) {
			return true
		}
	}
	return false
}

// defines reports whether the files, or an extension they install, define
// an object of the kind in the schema.
func (b *builder) defines(kind sqlnorm.Kind, schema, name string) bool {
	n := model.Name{Schema: schema, Name: name}
	switch kind {
	case sqlnorm.KindSchema:
		return b.schemas[schema] != nil
	case sqlnorm.KindRelation:
		if b.tables[n] != nil || b.views[n] != nil || b.sequences[n] != nil || b.indexes[n] != nil {
			return true
		}
	case sqlnorm.KindType:
		if b.enums[n] != nil || b.domains[n] != nil || b.composites[n] != nil ||
			b.tables[n] != nil || b.views[n] != nil {
			return true
		}
	case sqlnorm.KindFunction:
		if len(b.functions[n]) > 0 {
			return true
		}
	case sqlnorm.KindCollation:
		return b.collations[n] != nil
	}
	if b.lookupDefinition(kind, n) {
		return true
	}
	return b.inExtension(kind, schema, name)
}

// inExtension reports whether an extension installed in the schema
// provides the object. An extension autogen knows nothing about is assumed
// to provide anything asked of its schema.
func (b *builder) inExtension(kind sqlnorm.Kind, schema, name string) bool {
	for _, e := range b.extensions {
		if e.m.Schema != schema {
			continue
		}
		if e.info == nil || e.info.Has(kind, name) {
			return true
		}
	}
	return false
}

// unchecked reports whether references into the schema are taken on
// trust: schemas the filter leaves out, and schemas holding an extension
// autogen knows nothing about.
func (b *builder) unchecked(schema string) bool {
	if !b.cfg.filter.Schema(schema) && schema != "pg_catalog" {
		return true
	}
	for _, e := range b.extensions {
		if e.m.Schema == schema && e.info == nil {
			return true
		}
	}
	return false
}

// columns returns the columns of a table or view, for queries.
func (b *builder) columns(n model.Name) ([]string, bool) {
	if t := b.tables[n]; t != nil {
		out := make([]string, len(t.m.Columns))
		for i, c := range t.m.Columns {
			out[i] = c.Name
		}
		return out, true
	}
	if v := b.views[n]; v != nil {
		return v.columns, true
	}
	if d := b.definitions[model.ObjectID{Kind: model.KindForeignTable, Name: n}]; d != nil {
		out := make([]string, len(d.Columns))
		for i, c := range d.Columns {
			out[i] = c.Name
		}
		return out, true
	}
	return nil, false
}

// functionColumns returns the result columns of the functions of a name
// (see sqlnorm.Namespace.FunctionColumns), when they all agree.
func (b *builder) functionColumns(n model.Name) ([]string, bool) {
	var out []string
	for i, f := range b.functions[n] {
		cols := f.OutNames()
		if len(cols) == 0 {
			var ok bool
			if cols, ok = b.typeColumns(strings.TrimPrefix(f.Returns, "SETOF ")); !ok {
				return nil, false
			}
		}
		if i > 0 && !slices.Equal(cols, out) {
			return nil, false
		}
		out = cols
	}
	return out, len(out) > 0
}

// typeColumns returns the columns of a composite type or a table's row
// type, given as the canonical type text; false for any other type.
func (b *builder) typeColumns(typ string) ([]string, bool) {
	t, err := pgsql.ParseType(typ)
	if err != nil || t.Schema == "" || t.Builtin() || t.Array {
		return nil, false
	}
	n := model.Name{Schema: t.Schema, Name: t.Name}
	if c := b.composites[n]; c != nil {
		out := make([]string, len(c.Attributes))
		for i, a := range c.Attributes {
			out[i] = a.Name
		}
		return out, true
	}
	return b.columns(n)
}

// creationSchema returns the schema a CREATE puts an object in: the one
// given, or the first existing schema of the search path.
func (b *builder) creationSchema(schema string, loc int32) (string, error) {
	if schema != "" {
		if b.schemas[schema] == nil && schema != "pg_catalog" {
			return "", b.errorAt(loc, ErrUndefined, "schema %s does not exist", schema)
		}
		return schema, nil
	}
	s, ok := b.ns().CreationSchema()
	if !ok {
		// The schemas of the search_path may be created further on.
		return "", b.errorAt(loc, ErrUndefined, "no schema has been selected to create in")
	}
	return s, nil
}

// createName returns the qualified name of the object a RangeVar creates.
func (b *builder) createName(rv *pg.RangeVar) (model.Name, error) {
	if rv.Catalogname != "" {
		return model.Name{}, b.errorAt(rv.Location, ErrUnsupported, "cross-database references are not supported")
	}
	s, err := b.creationSchema(rv.Schemaname, rv.Location)
	return model.Name{Schema: s, Name: rv.Relname}, err
}

// createNameList returns the qualified name a CREATE gives an object named
// by a list of String nodes (types, functions, collations).
func (b *builder) createNameList(names []*pg.Node, loc int32) (model.Name, error) {
	parts := sqlnorm.Strings(names)
	switch len(parts) {
	case 1:
		s, err := b.creationSchema("", loc)
		return model.Name{Schema: s, Name: parts[0]}, err
	case 2:
		s, err := b.creationSchema(parts[0], loc)
		return model.Name{Schema: s, Name: parts[1]}, err
	}
	return model.Name{}, b.errorAt(loc, ErrUnsupported, "cross-database references are not supported")
}

// relation resolves a reference to an existing relation.
func (b *builder) relation(rv *pg.RangeVar) (model.Name, error) {
	return b.rangeVarRef(sqlnorm.KindRelation, rv)
}

// rangeVarRef resolves a reference, given as a RangeVar, to an object of
// the kind: an unqualified name through the search_path. ALTER TYPE names
// a composite type with a RangeVar, so the kind is not always a relation.
func (b *builder) rangeVarRef(kind sqlnorm.Kind, rv *pg.RangeVar) (model.Name, error) {
	if rv.Catalogname != "" {
		return model.Name{}, b.errorAt(rv.Location, ErrUnsupported, "cross-database references are not supported")
	}
	if rv.Schemaname != "" {
		return model.Name{Schema: rv.Schemaname, Name: rv.Relname}, nil
	}
	s, ok := b.ns().Resolve(kind, rv.Relname)
	if !ok {
		e := &sqlnorm.UnknownError{Kind: kind, Name: rv.Relname, Location: rv.Location}
		return model.Name{}, b.errorAt(rv.Location, ErrUndefined, "%s", e.Error())
	}
	return model.Name{Schema: s, Name: rv.Relname}, nil
}

// table resolves a reference to a table the files define.
func (b *builder) table(rv *pg.RangeVar) (*table, error) {
	n, err := b.relation(rv)
	if err != nil {
		return nil, err
	}
	t := b.tables[n]
	if t == nil {
		return nil, b.errorAt(rv.Location, ErrUndefined, "table %s does not exist", n)
	}
	return t, nil
}

// takeRelname records a pg_class name.
func (b *builder) takeRelname(schema, name string) {
	m := b.relnames[schema]
	if m == nil {
		m = map[string]bool{}
		b.relnames[schema] = m
	}
	m[name] = true
}

func (b *builder) releaseRelname(schema, name string) { delete(b.relnames[schema], name) }

// takeConname records a pg_constraint name.
func (b *builder) takeConname(schema, name string) {
	m := b.connames[schema]
	if m == nil {
		m = map[string]bool{}
		b.connames[schema] = m
	}
	m[name] = true
}

// relationExists reports whether a pg_class name is taken in the schema.
func (b *builder) relationExists(schema, name string) bool { return b.relnames[schema][name] }

// typeName canonicalizes a type name, reporting unknown types at their
// position.
func (b *builder) typeName(tn *pg.TypeName, mode sqlnorm.TypeMode) (string, error) {
	s, err := b.ns().TypeName(tn, mode)
	if err != nil {
		return "", b.exprError(err)
	}
	if names := sqlnorm.Strings(tn.Names); len(names) == 2 && names[0] != "pg_catalog" &&
		!b.lookup(sqlnorm.KindType, names[0], names[1]) && !b.unchecked(names[0]) {
		return "", b.errorAt(tn.Location, ErrUndefined, "type %s does not exist", pgsql.QualifiedName(names[0], names[1]))
	}
	return s, nil
}

// exprError turns an error of sqlnorm into a positioned Error.
func (b *builder) exprError(err error) error {
	switch e := err.(type) {
	case *sqlnorm.UnknownError:
		if e.Kind == sqlnorm.KindType && slices.Contains([]string{"serial", "bigserial", "smallserial"}, e.Name) {
			return b.errorAt(e.Location, ErrInvalid, "%s is only allowed as a column type", e.Name)
		}
		return b.errorAt(e.Location, ErrUndefined, "%s", e.Error())
	case *sqlnorm.UnsupportedError:
		return b.errorAt(e.Location, ErrUnsupported, "%s", e.Error())
	case *Error:
		return e
	}
	return b.errorAt(-1, ErrInvalid, "%v", err)
}

// expr converts an expression of the current statement, keeping the text
// the user wrote for it (see sourceOf).
func (b *builder) expr(n *pg.Node, typ string) (*model.Expr, error) {
	src := b.sourceOf(n)
	e, err := b.ns().Expr(n, typ)
	var lit *sqlnorm.LiteralError
	if errors.As(err, &lit) {
		return nil, b.errorAt(lit.Location, ErrInvalid, "%v", err)
	}
	if err != nil {
		return nil, b.exprError(err)
	}
	e.Find = src
	return e, nil
}

// nameRef resolves a possibly qualified reference, given as a list of
// String nodes, to an object of the kind: an unqualified name through the
// search_path.
func (b *builder) nameRef(kind sqlnorm.Kind, names []*pg.Node) (model.Name, error) {
	parts := sqlnorm.Strings(names)
	switch len(parts) {
	case 1:
		s, ok := b.ns().Resolve(kind, parts[0])
		if !ok {
			e := &sqlnorm.UnknownError{Kind: kind, Name: parts[0], Location: -1}
			return model.Name{}, b.errorAt(-1, ErrUndefined, "%s", e.Error())
		}
		return model.Name{Schema: s, Name: parts[0]}, nil
	case 2:
		return model.Name{Schema: parts[0], Name: parts[1]}, nil
	}
	return model.Name{}, b.errorAt(-1, ErrUnsupported, "cross-database references are not supported")
}
