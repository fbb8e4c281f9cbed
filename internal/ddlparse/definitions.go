package ddlparse

import (
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// The statements of objects held as model.Definition (aggregates,
// operators, text search objects, rules, publications, ...): sqlnorm reads
// them, as it does the statements the catalog reader prints, and the
// builder keeps the results, checks names as PostgreSQL would, and
// applies the ALTER and COMMENT statements that change them.

// definitionState is what the builder keeps of definitions.
type definitionState struct {
	definitions map[model.ObjectID]*model.Definition
	// shells are the types created by CREATE TYPE name, waiting for
	// their definition, with where that statement is.
	shells map[model.Name]position
	// partners are operators named as commutators or negators, which
	// must be defined by the end, with where they were named.
	partners map[model.Name]position
	// defaultClasses are the operator classes declared DEFAULT.
	defaultClasses map[model.ObjectID]bool
}

// position is a statement, for errors reported once every file is read.
type position struct {
	src *source
	cur *stmt
}

func (b *builder) here() position { return position{b.src, b.cur} }

// errorIn reports an error at a statement read earlier.
func (b *builder) errorIn(p position, kind error, format string, args ...any) error {
	b.src, b.cur = p.src, p.cur
	return b.errorAt(-1, kind, format, args...)
}

// define handles a statement that creates a definition.
func (b *builder) define(n *pg.Node) error {
	d, err := b.ns().Define(n)
	if err != nil {
		return b.exprError(err)
	}
	if d.Shell != nil {
		if b.typeExists(*d.Shell) {
			return b.errorAt(-1, ErrInvalid, "type %s already exists", *d.Shell)
		}
		if err := b.checkSchema(d.Shell.Schema); err != nil {
			return err
		}
		b.shells[*d.Shell] = b.here()
		return nil
	}
	def := d.Def
	id := def.ID
	if err := b.checkSchema(id.Name.Schema); err != nil {
		return err
	}
	switch {
	case b.definitions[id] != nil:
		return b.errorAt(-1, ErrInvalid, "%s already exists", id)
	case id.Kind == model.KindBaseType:
		if _, ok := b.shells[id.Name]; !ok && b.typeExists(id.Name) {
			return b.errorAt(-1, ErrInvalid, "type %s already exists", id.Name)
		}
		delete(b.shells, id.Name)
	case id.Kind == model.KindRange:
		if b.typeExists(id.Name) {
			return b.errorAt(-1, ErrInvalid, "type %s already exists", id.Name)
		}
	case id.Kind == model.KindForeignTable:
		if b.relationExists(id.Name.Schema, id.Name.Name) {
			return b.errorAt(-1, ErrInvalid, "relation %s already exists", id.Name)
		}
		b.takeRelname(id.Name.Schema, id.Name.Name)
	case id.Kind == model.KindRule, id.Kind == model.KindStatistics:
		if b.tables[*def.Table] == nil && b.views[*def.Table] == nil {
			return b.errorAt(-1, ErrUndefined, "relation %s does not exist", *def.Table)
		}
	}
	for _, r := range d.Needs {
		if _, ok := b.partners[r.Name]; !ok && r.Kind == model.RefOperator {
			b.partners[r.Name] = b.here()
		}
	}
	implied := d.Implied != nil && b.definitions[d.Implied.ID] == nil
	if implied {
		b.definitions[d.Implied.ID] = d.Implied
	}
	if err := b.checkRefs(def.Refs()); err != nil {
		if implied {
			delete(b.definitions, d.Implied.ID)
		}
		return err
	}
	if len(d.FamilyMembers) > 0 {
		fam := b.definitions[d.Family]
		if fam == nil {
			return b.errorAt(-1, ErrUnsupported, "an operator class whose family %s the files do not define, with members PostgreSQL ties to the family", d.Family)
		}
		for _, m := range d.FamilyMembers {
			if fam.Setting(m.Name) != nil {
				return b.errorAt(-1, ErrInvalid, "%s of %s already exists", m.Name, d.Family)
			}
			fam.Settings = append(fam.Settings, m)
		}
		slices.SortFunc(fam.Settings, func(a, b model.Setting) int { return strings.Compare(a.Name, b.Name) })
	}
	b.definitions[id] = def
	if d.DefaultClass {
		b.defaultClasses[id] = true
	}
	return nil
}

// checkSchema reports a schema that does not exist.
func (b *builder) checkSchema(schema string) error {
	if schema != "" && schema != "pg_catalog" && b.schemas[schema] == nil {
		return b.errorAt(-1, ErrUndefined, "schema %s does not exist", schema)
	}
	return nil
}

// refKinds maps the references a definition records to the names the
// builder looks up.
var refKinds = map[model.RefKind]sqlnorm.Kind{model.RefFunction: sqlnorm.KindFunction, model.RefType: sqlnorm.KindType,
	model.RefOperator: sqlnorm.KindOperator, model.RefRelation: sqlnorm.KindRelation, model.RefCollation: sqlnorm.KindCollation,
	model.RefOpClass: sqlnorm.KindOpClass, model.RefOpFamily: sqlnorm.KindOpFamily, model.RefTSParser: sqlnorm.KindTSParser,
	model.RefTSTemplate: sqlnorm.KindTSTemplate, model.RefTSDictionary: sqlnorm.KindTSDictionary,
	model.RefTSConfig: sqlnorm.KindTSConfig}

// checkRefs reports a reference to an object the files do not define
// (outside schemas whose contents are taken on trust).
func (b *builder) checkRefs(refs []model.Ref) error {
	for _, r := range refs {
		switch r.Kind {
		case model.RefFDW, model.RefServer:
			kind := model.KindFDW
			if r.Kind == model.RefServer {
				kind = model.KindServer
			}
			if b.definitions[model.ObjectID{Kind: kind, Name: r.Name}] == nil && !b.globalInExtension(r) {
				return b.errorAt(-1, ErrUndefined, "%s %s does not exist", kind, r.Name.Name)
			}
			continue
		case model.RefSchema:
			if b.schemas[r.Name.Name] == nil {
				return b.errorAt(-1, ErrUndefined, "schema %s does not exist", r.Name.Name)
			}
			continue
		}
		kind, ok := refKinds[r.Kind]
		if !ok || r.Name.Schema == "pg_catalog" || b.unchecked(r.Name.Schema) {
			continue
		}
		if !b.lookup(kind, r.Name.Schema, r.Name.Name) {
			return b.errorAt(-1, ErrUndefined, "%s %s does not exist", r.Kind, r.Name)
		}
	}
	return nil
}

// globalInExtension reports whether an installed extension provides a
// foreign-data wrapper (postgres_fdw, file_fdw): extensions autogen knows
// nothing of may provide anything.
func (b *builder) globalInExtension(r model.Ref) bool {
	for _, e := range b.extensions {
		if e.info == nil || (r.Kind == model.RefFDW && e.m.Name == r.Name.Name) {
			return true
		}
	}
	return false
}

// alterDefinition applies an ALTER statement that changes a definition
// in place; handled is false for statements that alter no definition.
func (b *builder) alterDefinition(n *pg.Node) (handled bool, err error) {
	a, ok, err := b.ns().Alter(n)
	if !ok {
		return false, nil
	}
	if err != nil {
		return true, b.exprError(err)
	}
	def := b.definitions[a.Target]
	if def == nil {
		if a.Target.Kind == model.KindStatistics {
			if s := n.GetAlterStatsStmt(); s != nil && s.MissingOk {
				return true, nil
			}
		}
		return true, b.errorAt(-1, ErrUndefined, "%s does not exist", a.Target)
	}
	if err := a.Apply(def); err != nil {
		return true, b.exprError(err)
	}
	return true, b.checkRefs(def.Refs())
}

// typeExists reports whether a type of the name is defined: enums,
// domains, composites, range, base and shell types, relations' row types.
// It asks before creating one, so a name not found is no miss (see
// lookup): it would make every file with a range type read twice.
func (b *builder) typeExists(n model.Name) bool {
	return b.defines(sqlnorm.KindType, n.Schema, n.Name)
}

// lookupDefinition reports whether a definition of the files answers to
// a name of the kind: by its own name, or by a name it provides.
func (b *builder) lookupDefinition(kind sqlnorm.Kind, n model.Name) bool {
	if kind == sqlnorm.KindType {
		if _, ok := b.shells[n]; ok {
			return true
		}
	}
	want := map[sqlnorm.Kind]model.RefKind{sqlnorm.KindType: model.RefType, sqlnorm.KindFunction: model.RefFunction,
		sqlnorm.KindOperator: model.RefOperator, sqlnorm.KindRelation: model.RefRelation,
		sqlnorm.KindOpClass: model.RefOpClass, sqlnorm.KindOpFamily: model.RefOpFamily,
		sqlnorm.KindTSParser: model.RefTSParser, sqlnorm.KindTSTemplate: model.RefTSTemplate,
		sqlnorm.KindTSDictionary: model.RefTSDictionary, sqlnorm.KindTSConfig: model.RefTSConfig}[kind]
	for id, d := range b.definitions {
		if id.Name == n && ((want != 0 && id.Kind.Info().Ref == want) ||
			(kind == sqlnorm.KindStatistics && id.Kind == model.KindStatistics)) {
			return true
		}
		if slices.Contains(d.Provides, model.Ref{Kind: want, Name: n}) {
			return true
		}
	}
	return false
}

// definitionComment returns the comment of the definition a COMMENT ON
// names; ok is false for kinds that are no definitions.
func (b *builder) definitionComment(s *pg.CommentStmt) (*string, bool, error) {
	d, ok, err := b.definitionNamed(s.Objtype, s.Object)
	if d == nil {
		return nil, ok, err
	}
	return &d.Comment, true, nil
}

// definitionNamed returns the definition that an object type and name
// node name (as COMMENT ON, ALTER ... OWNER TO and GRANT give them); ok is
// false for kinds that are no definitions.
func (b *builder) definitionNamed(objtype pg.ObjectType, object *pg.Node) (*model.Definition, bool, error) {
	s := struct {
		Objtype pg.ObjectType
		Object  *pg.Node
	}{objtype, object}
	list := func() []string { return sqlnorm.Strings(s.Object.GetList().GetItems()) }
	str := func() string { return s.Object.GetString_().GetSval() }
	ns := b.ns()
	resolve := func(kind sqlnorm.Kind, names []string) (model.Name, error) {
		switch len(names) {
		case 1:
			sc, ok := ns.Resolve(kind, names[0])
			if !ok {
				return model.Name{}, b.exprError(&sqlnorm.UnknownError{Kind: kind, Name: names[0], Location: -1})
			}
			return model.Name{Schema: sc, Name: names[0]}, nil
		case 2:
			return model.Name{Schema: names[0], Name: names[1]}, nil
		}
		return model.Name{}, b.errorAt(-1, ErrUnsupported, "the name %s", strings.Join(names, "."))
	}
	var id model.ObjectID
	var err error
	switch s.Objtype {
	case pg.ObjectType_OBJECT_AGGREGATE:
		o := s.Object.GetObjectWithArgs()
		id.Kind = model.KindAggregate
		if id.Name, err = resolve(sqlnorm.KindFunction, sqlnorm.Strings(o.Objname)); err != nil {
			return nil, true, err
		}
		var types []string
		for _, a := range o.Objargs {
			t, err := b.typeName(a.GetTypeName(), sqlnorm.BareType)
			if err != nil {
				return nil, true, err
			}
			types = append(types, t)
		}
		// The arguments are listed without ORDER BY and VARIADIC: match
		// them against the aggregates of the name.
		for did := range b.definitions {
			if did.Kind == model.KindAggregate && did.Name == id.Name && flatArgs(did.Args) == strings.Join(types, ", ") {
				id = did
			}
		}
	case pg.ObjectType_OBJECT_OPERATOR:
		o := s.Object.GetObjectWithArgs()
		id.Kind = model.KindOperator
		names := sqlnorm.Strings(o.Objname)
		var types []string
		for _, a := range o.Objargs {
			t := "NONE"
			if tn := a.GetTypeName(); tn != nil {
				if t, err = b.typeName(tn, sqlnorm.BareType); err != nil {
					return nil, true, err
				}
			}
			types = append(types, t)
		}
		id.Args = strings.Join(types, ", ")
		if len(names) == 1 {
			// The operator's schema: the first of the path that defines
			// one with these operands.
			for _, sc := range b.searchPath {
				if b.definitions[model.ObjectID{Kind: model.KindOperator, Name: model.Name{Schema: sc, Name: names[0]}, Args: id.Args}] != nil {
					names = []string{sc, names[0]}
					break
				}
			}
		}
		if id.Name, err = resolve(sqlnorm.KindOperator, names); err != nil {
			return nil, true, err
		}
	case pg.ObjectType_OBJECT_OPCLASS, pg.ObjectType_OBJECT_OPFAMILY:
		parts := list()
		id.Kind, id.Args = model.KindOpClass, parts[0]
		kind := sqlnorm.KindOpClass
		if s.Objtype == pg.ObjectType_OBJECT_OPFAMILY {
			id.Kind, kind = model.KindOpFamily, sqlnorm.KindOpFamily
		}
		if id.Name, err = resolve(kind, parts[1:]); err != nil {
			return nil, true, err
		}
	case pg.ObjectType_OBJECT_CAST:
		items := s.Object.GetList().GetItems()
		var types []string
		for _, it := range items {
			t, err := b.typeName(it.GetTypeName(), sqlnorm.BareType)
			if err != nil {
				return nil, true, err
			}
			types = append(types, t)
		}
		id = model.ObjectID{Kind: model.KindCast, Args: strings.Join(types, " AS ")}
	case pg.ObjectType_OBJECT_TSPARSER, pg.ObjectType_OBJECT_TSTEMPLATE, pg.ObjectType_OBJECT_TSDICTIONARY,
		pg.ObjectType_OBJECT_TSCONFIGURATION, pg.ObjectType_OBJECT_STATISTIC_EXT:
		kinds := map[pg.ObjectType][2]int{
			pg.ObjectType_OBJECT_TSPARSER:        {int(model.KindTSParser), int(sqlnorm.KindTSParser)},
			pg.ObjectType_OBJECT_TSTEMPLATE:      {int(model.KindTSTemplate), int(sqlnorm.KindTSTemplate)},
			pg.ObjectType_OBJECT_TSDICTIONARY:    {int(model.KindTSDictionary), int(sqlnorm.KindTSDictionary)},
			pg.ObjectType_OBJECT_TSCONFIGURATION: {int(model.KindTSConfig), int(sqlnorm.KindTSConfig)},
			pg.ObjectType_OBJECT_STATISTIC_EXT:   {int(model.KindStatistics), int(sqlnorm.KindStatistics)},
		}[s.Objtype]
		id.Kind = model.Kind(kinds[0])
		if id.Name, err = resolve(sqlnorm.Kind(kinds[1]), list()); err != nil {
			return nil, true, err
		}
	case pg.ObjectType_OBJECT_FOREIGN_TABLE:
		parts := list()
		rv := &pg.RangeVar{Relname: parts[len(parts)-1], Location: -1}
		if len(parts) > 1 {
			rv.Schemaname = parts[len(parts)-2]
		}
		id.Kind = model.KindForeignTable
		if id.Name, err = b.relation(rv); err != nil {
			return nil, true, err
		}
	case pg.ObjectType_OBJECT_RULE:
		parts := list()
		rv := &pg.RangeVar{Relname: parts[len(parts)-2], Location: -1}
		if len(parts) > 2 {
			rv.Schemaname = parts[len(parts)-3]
		}
		id.Kind, id.Member = model.KindRule, parts[len(parts)-1]
		if id.Name, err = b.relation(rv); err != nil {
			return nil, true, err
		}
	case pg.ObjectType_OBJECT_EVENT_TRIGGER:
		id = model.ObjectID{Kind: model.KindEventTrigger, Name: model.Name{Name: str()}}
	case pg.ObjectType_OBJECT_FDW:
		id = model.ObjectID{Kind: model.KindFDW, Name: model.Name{Name: str()}}
	case pg.ObjectType_OBJECT_FOREIGN_SERVER:
		id = model.ObjectID{Kind: model.KindServer, Name: model.Name{Name: str()}}
	case pg.ObjectType_OBJECT_PUBLICATION:
		id = model.ObjectID{Kind: model.KindPublication, Name: model.Name{Name: str()}}
	case pg.ObjectType_OBJECT_TYPE:
		n, err := b.typeRef(s.Object.GetTypeName().GetNames())
		if err != nil {
			return nil, true, err
		}
		for _, k := range []model.Kind{model.KindRange, model.KindBaseType} {
			if d := b.definitions[model.ObjectID{Kind: k, Name: n}]; d != nil {
				return d, true, nil
			}
		}
		return nil, false, nil
	default:
		return nil, false, nil
	}
	d := b.definitions[id]
	if d == nil {
		return nil, true, b.errorAt(-1, ErrUndefined, "%s does not exist", id)
	}
	return d, true, nil
}

// flatArgs drops ORDER BY and VARIADIC from an aggregate's arguments, as
// COMMENT ON AGGREGATE lists them.
func flatArgs(args string) string {
	// A hypothetical-set aggregate whose direct and ordered arguments
	// are one and the same VARIADIC list is stored, and named, with it
	// once: rank(VARIADIC "any" ORDER BY VARIADIC "any") is rank("any").
	if direct, ordered, ok := strings.Cut(args, " ORDER BY "); ok && direct == ordered && strings.HasPrefix(direct, "VARIADIC ") &&
		!strings.Contains(direct, ",") {
		args = direct
	}
	args = strings.ReplaceAll(args, " ORDER BY ", ", ")
	args = strings.TrimPrefix(args, "ORDER BY ")
	args = strings.ReplaceAll(args, "VARIADIC ", "")
	if args == "*" {
		return ""
	}
	return args
}

// finishDefinitions checks what only the whole schema tells (every shell
// type defined, every operator named as a partner defined) and lists the
// definitions.
func (b *builder) finishDefinitions(c *model.Catalog) error {
	for _, n := range sortedNames(b.shells) {
		return b.errorIn(b.shells[n], ErrUnsupported, "the shell type %s is never defined (CREATE TYPE %s (INPUT = ..., OUTPUT = ...))", n, n.Name)
	}
	for _, n := range sortedNames(b.partners) {
		if n.Schema == "pg_catalog" || b.unchecked(n.Schema) || b.lookup(sqlnorm.KindOperator, n.Schema, n.Name) {
			continue
		}
		return b.errorIn(b.partners[n], ErrUnsupported, "operator %s is named as a commutator or negator but never defined (PostgreSQL would leave a shell operator)", n)
	}
	for _, d := range b.definitions {
		c.Definitions = append(c.Definitions, d)
	}
	return nil
}
