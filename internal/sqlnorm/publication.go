package sqlnorm

import (
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// A publication's statement holds only its name and whether it covers all
// tables. Its tables (with their columns and row filters), its schemas and
// its options are settings, which ALTER PUBLICATION changes in place.

// publishAll is the default of the publish option.
var publishAll = []string{"insert", "update", "delete", "truncate"}

// publication builds CREATE PUBLICATION.
func (d *definer) publication(s *pg.CreatePublicationStmt) (*model.Definition, error) {
	sql := "CREATE PUBLICATION " + pgsql.QuoteIdent(s.Pubname)
	if s.ForAllTables {
		sql += " FOR ALL TABLES"
	}
	def := &model.Definition{ID: model.ObjectID{Kind: model.KindPublication, Name: model.Name{Name: s.Pubname}},
		Create: model.Expr{SQL: sql, Canon: sql}}
	if err := d.publicationOptions(def, s.Options); err != nil {
		return nil, err
	}
	for _, n := range s.Pubobjects {
		set, err := d.publicationObject(n.GetPublicationObjSpec())
		if err != nil {
			return nil, err
		}
		if def.Setting(set.Name) != nil {
			return nil, defError("%s listed twice in publication %s", set.Name, s.Pubname)
		}
		setSetting(def, set)
	}
	return def, nil
}

// publicationOptions applies WITH (publish = '...',
// publish_via_partition_root = ...): options equal to the defaults are
// no settings.
func (d *definer) publicationOptions(def *model.Definition, opts []*pg.Node) error {
	for _, n := range opts {
		de := n.GetDefElem()
		if de == nil {
			continue
		}
		v, ok := defString(de.Arg)
		if !ok {
			return defError("the value of publication option %s", de.Defname)
		}
		switch name := strings.ToLower(de.Defname); name {
		case "publish":
			var ops []string
			for _, op := range strings.Split(v, ",") {
				op = strings.ToLower(strings.TrimSpace(op))
				if !slices.Contains(publishAll, op) {
					return defError("publish = '%s'", v)
				}
				ops = append(ops, op)
			}
			// PostgreSQL keeps a flag per operation; the order is its.
			var canon []string
			for _, op := range publishAll {
				if slices.Contains(ops, op) {
					canon = append(canon, op)
				}
			}
			removeSetting(def, "OPTION publish")
			if !slices.Equal(canon, publishAll) {
				setSetting(def, publicationOption(name, pgsql.QuoteLiteral(strings.Join(canon, ", "))))
			}
		case "publish_via_partition_root":
			b, valid := parseBool(v)
			if !valid {
				return defError("publish_via_partition_root = %s", v)
			}
			removeSetting(def, "OPTION "+name)
			if b {
				setSetting(def, publicationOption(name, "true"))
			}
		default:
			return defError("the publication option %s", de.Defname)
		}
	}
	return nil
}

func publicationOption(name, value string) model.Setting {
	def := "'insert, update, delete, truncate'"
	if name != "publish" {
		def = "false"
	}
	return model.Setting{Name: "OPTION " + name, Value: model.Expr{SQL: "SET (" + name + " = " + value + ")", Canon: value},
		Reset: "SET (" + name + " = " + def + ")"}
}

// publicationObject reads one TABLE or TABLES IN SCHEMA of a publication.
func (d *definer) publicationObject(o *pg.PublicationObjSpec) (model.Setting, error) {
	// Each object depends on its own table or schema.
	od := d.ns.definer()
	switch o.Pubobjtype {
	case pg.PublicationObjSpecType_PUBLICATIONOBJ_TABLE:
		// TABLE ONLY (as pg_dump writes it) and TABLE are alike here:
		// inheritance children are not modeled apart.
		t := o.Pubtable
		table, err := od.relation(t.Relation)
		if err != nil {
			return model.Setting{}, err
		}
		spec := pgsql.QualifiedName(table.Schema, table.Name)
		canon := spec
		if len(t.Columns) > 0 {
			all, _ := od.ns.columnsOf(table)
			cols := Strings(t.Columns)
			// PostgreSQL keeps the columns as a set, printed in the
			// table's order.
			slices.SortFunc(cols, func(a, b string) int { return slices.Index(all, a) - slices.Index(all, b) })
			for _, c := range cols {
				od.q.column(table, c)
			}
			spec += " (" + pgsql.QuoteIdents(cols) + ")"
			canon = spec
		}
		if t.WhereClause != nil {
			e, err := od.ownExpr(t.WhereClause, table)
			if err != nil {
				return model.Setting{}, err
			}
			spec += " WHERE (" + e.SQL + ")"
			canon += " WHERE (" + e.Canon + ")"
		}
		name := "TABLE " + pgsql.QualifiedName(table.Schema, table.Name)
		return model.Setting{Name: name, Value: model.Expr{SQL: "ADD TABLE " + spec, Canon: canon, Refs: od.q.sortedRefs()},
			Reset: "DROP " + name}, nil
	case pg.PublicationObjSpecType_PUBLICATIONOBJ_TABLES_IN_SCHEMA, pg.PublicationObjSpecType_PUBLICATIONOBJ_TABLES_IN_CUR_SCHEMA:
		schema := o.Name
		if o.Pubobjtype == pg.PublicationObjSpecType_PUBLICATIONOBJ_TABLES_IN_CUR_SCHEMA {
			s, ok := d.ns.CreationSchema()
			if !ok {
				return model.Setting{}, &UnknownError{Kind: KindSchema, Name: "CURRENT_SCHEMA", Location: -1}
			}
			schema = s
		}
		name := "TABLES IN SCHEMA " + pgsql.QuoteIdent(schema)
		var refs []model.Ref
		if schema != "public" {
			refs = []model.Ref{{Kind: model.RefSchema, Name: model.Name{Name: schema}}}
		}
		return model.Setting{Name: name, Value: model.Expr{SQL: "ADD " + name, Canon: name, Refs: refs}, Reset: "DROP " + name}, nil
	}
	return model.Setting{}, defError("a publication object of type %s", o.Pubobjtype)
}

// alterPublication applies ALTER PUBLICATION ... ADD, DROP or SET tables
// and schemas, and SET (options).
func (d *definer) alterPublication(def *model.Definition, s *pg.AlterPublicationStmt) error {
	if len(s.Options) > 0 {
		return d.publicationOptions(def, s.Options)
	}
	var sets []model.Setting
	for _, n := range s.Pubobjects {
		set, err := d.publicationObject(n.GetPublicationObjSpec())
		if err != nil {
			return err
		}
		sets = append(sets, set)
	}
	switch s.Action {
	case pg.AlterPublicationAction_AP_AddObjects:
		for _, set := range sets {
			if def.Setting(set.Name) != nil {
				return defError("ALTER PUBLICATION ADD %s: the publication has it already", set.Name)
			}
			setSetting(def, set)
		}
	case pg.AlterPublicationAction_AP_DropObjects:
		for _, set := range sets {
			if !removeSetting(def, set.Name) {
				return defError("ALTER PUBLICATION DROP %s: the publication does not have it", set.Name)
			}
		}
	case pg.AlterPublicationAction_AP_SetObjects:
		def.Settings = slices.DeleteFunc(def.Settings, func(x model.Setting) bool { return !strings.HasPrefix(x.Name, "OPTION ") })
		for _, set := range sets {
			setSetting(def, set)
		}
	}
	return nil
}
