package sqlnorm

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// Defined is what a statement that creates a definition gives.
type Defined struct {
	// Def is the definition; nil for a shell type.
	Def *model.Definition
	// Implied is a definition the statement creates too when it does not
	// exist: the family of an operator class created without FAMILY.
	Implied *model.Definition
	// Shell is the name of the shell type CREATE TYPE name (without a
	// definition) creates, for the base type defined later.
	Shell *model.Name
	// DefaultClass is set for an operator class declared DEFAULT for its
	// type, which index keys leave unnamed.
	DefaultClass bool
	// FamilyMembers are the members of an operator class that PostgreSQL
	// ties to its family instead (see classMember): settings of the
	// family, Def's FAMILY.
	FamilyMembers []model.Setting
	// Family is the ID of the family an operator class belongs to.
	Family model.ObjectID
	// Needs are objects the statement names without depending on them,
	// which must be defined once the whole schema is read: an operator's
	// commutator and negator (PostgreSQL would leave shell operators).
	Needs []model.Ref
}

// IsDefinition reports whether a statement creates an object held as a
// model.Definition.
func IsDefinition(n *pg.Node) bool {
	switch v := n.Node.(type) {
	case *pg.Node_DefineStmt:
		switch v.DefineStmt.Kind {
		case pg.ObjectType_OBJECT_AGGREGATE, pg.ObjectType_OBJECT_OPERATOR, pg.ObjectType_OBJECT_TYPE,
			pg.ObjectType_OBJECT_TSPARSER, pg.ObjectType_OBJECT_TSTEMPLATE, pg.ObjectType_OBJECT_TSDICTIONARY,
			pg.ObjectType_OBJECT_TSCONFIGURATION:
			return true
		}
	case *pg.Node_CreateOpClassStmt, *pg.Node_CreateOpFamilyStmt, *pg.Node_CreateCastStmt, *pg.Node_CreateRangeStmt,
		*pg.Node_RuleStmt, *pg.Node_CreateEventTrigStmt, *pg.Node_CreateStatsStmt, *pg.Node_CreateFdwStmt,
		*pg.Node_CreateForeignServerStmt, *pg.Node_CreateUserMappingStmt, *pg.Node_CreateForeignTableStmt,
		*pg.Node_CreatePublicationStmt:
		return true
	}
	return false
}

// Define returns the model form of a statement IsDefinition accepts. It
// may modify the statement.
func (ns *Namespace) Define(n *pg.Node) (*Defined, error) {
	d := ns.definer()
	var def *model.Definition
	var err error
	switch v := n.Node.(type) {
	case *pg.Node_DefineStmt:
		s := v.DefineStmt
		if s.Replace {
			return nil, defError("CREATE OR REPLACE %s", kindKeyword(s.Kind))
		}
		switch s.Kind {
		case pg.ObjectType_OBJECT_AGGREGATE:
			def, err = d.aggregate(s)
		case pg.ObjectType_OBJECT_OPERATOR:
			def, err = d.createOperator(s)
		case pg.ObjectType_OBJECT_TYPE:
			if len(s.Definition) == 0 {
				name, err := d.createName(Strings(s.Defnames))
				if err != nil {
					return nil, err
				}
				return &Defined{Shell: &name}, nil
			}
			def, err = d.baseType(s)
		default:
			def, err = d.textSearch(s)
		}
	case *pg.Node_CreateOpClassStmt:
		def, fam, famID, loose, err := d.opClass(v.CreateOpClassStmt)
		if err != nil {
			return nil, err
		}
		return &Defined{Def: def, Implied: fam, DefaultClass: v.CreateOpClassStmt.IsDefault,
			FamilyMembers: loose, Family: famID}, nil
	case *pg.Node_CreateOpFamilyStmt:
		def, err = d.opFamily(v.CreateOpFamilyStmt)
	case *pg.Node_CreateCastStmt:
		def, err = d.cast(v.CreateCastStmt)
	case *pg.Node_CreateRangeStmt:
		def, err = d.rangeType(v.CreateRangeStmt)
	case *pg.Node_RuleStmt:
		if v.RuleStmt.Replace {
			return nil, defError("CREATE OR REPLACE RULE")
		}
		def, err = d.rule(v.RuleStmt)
	case *pg.Node_CreateEventTrigStmt:
		def, err = d.eventTrigger(v.CreateEventTrigStmt)
	case *pg.Node_CreateStatsStmt:
		if v.CreateStatsStmt.IfNotExists {
			return nil, defError("CREATE STATISTICS IF NOT EXISTS")
		}
		def, err = d.statistics(v.CreateStatsStmt)
	case *pg.Node_CreateFdwStmt:
		def, err = d.fdw(v.CreateFdwStmt)
	case *pg.Node_CreateForeignServerStmt:
		def, err = d.server(v.CreateForeignServerStmt)
	case *pg.Node_CreateUserMappingStmt:
		def, err = d.userMapping(v.CreateUserMappingStmt)
	case *pg.Node_CreateForeignTableStmt:
		if v.CreateForeignTableStmt.BaseStmt.IfNotExists {
			return nil, defError("CREATE FOREIGN TABLE IF NOT EXISTS")
		}
		def, err = d.foreignTable(v.CreateForeignTableStmt)
	case *pg.Node_CreatePublicationStmt:
		def, err = d.publication(v.CreatePublicationStmt)
	default:
		return nil, defError("this statement as a definition")
	}
	if err != nil {
		return nil, err
	}
	return &Defined{Def: def, Needs: d.needs}, nil
}

func kindKeyword(k pg.ObjectType) string {
	return strings.ReplaceAll(strings.TrimPrefix(k.String(), "OBJECT_"), "_", " ")
}

// Alteration is an ALTER statement that changes a definition in place.
type Alteration struct {
	// Target is the definition it changes.
	Target model.ObjectID
	// Apply changes the definition.
	Apply func(*model.Definition) error
}

// Alter returns the alteration an ALTER statement makes to a definition,
// or ok false for a statement that alters no definition. A definition's
// ALTER that the model cannot hold is an error.
func (ns *Namespace) Alter(n *pg.Node) (a *Alteration, ok bool, err error) {
	d := ns.definer()
	target := func(kind model.Kind, lookup Kind, ref model.RefKind, names []string) (model.ObjectID, error) {
		name, err := d.name(lookup, ref, names)
		return model.ObjectID{Kind: kind, Name: name}, err
	}
	switch v := n.Node.(type) {
	case *pg.Node_AlterTsconfigurationStmt:
		s := v.AlterTsconfigurationStmt
		id, err := target(model.KindTSConfig, KindTSConfig, model.RefTSConfig, Strings(s.Cfgname))
		return &Alteration{id, func(def *model.Definition) error { return ns.definer().alterTSConfig(def, s) }}, true, err
	case *pg.Node_AlterTsdictionaryStmt:
		s := v.AlterTsdictionaryStmt
		id, err := target(model.KindTSDictionary, KindTSDictionary, model.RefTSDictionary, Strings(s.Dictname))
		return &Alteration{id, func(def *model.Definition) error { return d.alterTSDictionary(def, s) }}, true, err
	case *pg.Node_AlterOpFamilyStmt:
		s := v.AlterOpFamilyStmt
		id, err := target(model.KindOpFamily, KindOpFamily, model.RefOpFamily, Strings(s.Opfamilyname))
		id.Args = s.Amname
		return &Alteration{id, func(def *model.Definition) error { return d.alterOpFamily(def, s) }}, true, err
	case *pg.Node_AlterEventTrigStmt:
		s := v.AlterEventTrigStmt
		id := model.ObjectID{Kind: model.KindEventTrigger, Name: model.Name{Name: s.Trigname}}
		return &Alteration{id, func(def *model.Definition) error { alterEventTrigger(def, s); return nil }}, true, nil
	case *pg.Node_AlterStatsStmt:
		s := v.AlterStatsStmt
		id, err := target(model.KindStatistics, KindStatistics, 0, Strings(s.Defnames))
		return &Alteration{id, func(def *model.Definition) error {
			statisticsTarget(def, int64(s.Stxstattarget))
			return nil
		}}, true, err
	case *pg.Node_AlterFdwStmt:
		s := v.AlterFdwStmt
		if len(s.FuncOptions) > 0 {
			return nil, true, defError("ALTER FOREIGN DATA WRAPPER ... HANDLER or VALIDATOR (write them in its CREATE)")
		}
		id := model.ObjectID{Kind: model.KindFDW, Name: model.Name{Name: s.Fdwname}}
		return &Alteration{id, func(def *model.Definition) error { return alterOptions(def, s.Options) }}, true, nil
	case *pg.Node_AlterForeignServerStmt:
		s := v.AlterForeignServerStmt
		id := model.ObjectID{Kind: model.KindServer, Name: model.Name{Name: s.Servername}}
		return &Alteration{id, func(def *model.Definition) error {
			if s.HasVersion {
				serverVersion(def, s.Version, s.Version != "")
			}
			return alterOptions(def, s.Options)
		}}, true, nil
	case *pg.Node_AlterUserMappingStmt:
		s := v.AlterUserMappingStmt
		role, err := roleName(s.User)
		id := model.ObjectID{Kind: model.KindUserMapping, Name: model.Name{Name: s.Servername}, Member: role}
		return &Alteration{id, func(def *model.Definition) error { return alterOptions(def, s.Options) }}, true, err
	case *pg.Node_AlterPublicationStmt:
		s := v.AlterPublicationStmt
		id := model.ObjectID{Kind: model.KindPublication, Name: model.Name{Name: s.Pubname}}
		return &Alteration{id, func(def *model.Definition) error { return ns.definer().alterPublication(def, s) }}, true, nil
	case *pg.Node_AlterTableStmt:
		return ns.alterTableDefinition(v.AlterTableStmt)
	}
	return nil, false, nil
}

// Apply applies an ALTER statement, or a COMMENT ON COLUMN of a foreign
// table's column, to a definition the caller has found: the catalog
// reader reads each definition as its statement and those that complete
// it.
func (ns *Namespace) Apply(def *model.Definition, n *pg.Node) error {
	if c := n.GetCommentStmt(); c != nil {
		a, ok, err := ns.commentDefinitionColumn(c)
		if !ok {
			return defError("COMMENT ON %s for a definition", kindKeyword(c.Objtype))
		}
		if err != nil {
			return err
		}
		return a.Apply(def)
	}
	a, ok, err := ns.Alter(n)
	if !ok {
		return defError("this statement for a definition")
	}
	if err != nil {
		return err
	}
	return a.Apply(def)
}

// alterTableDefinition handles the ALTER TABLE forms that change a
// definition: ALTER FOREIGN TABLE ... OPTIONS, and ALTER TABLE ...
// ENABLE/DISABLE RULE.
func (ns *Namespace) alterTableDefinition(s *pg.AlterTableStmt) (*Alteration, bool, error) {
	if s.Objtype == pg.ObjectType_OBJECT_FOREIGN_TABLE {
		d := ns.definer()
		table, err := d.relation(s.Relation)
		if err != nil {
			return nil, true, err
		}
		id := model.ObjectID{Kind: model.KindForeignTable, Name: table}
		return &Alteration{id, func(def *model.Definition) error {
			for _, c := range s.Cmds {
				cmd := c.GetAlterTableCmd()
				switch cmd.Subtype {
				case pg.AlterTableType_AT_GenericOptions:
					if err := alterOptions(def, cmd.Def.GetList().GetItems()); err != nil {
						return err
					}
				case pg.AlterTableType_AT_AlterColumnGenericOptions:
					if err := alterColumnOptions(def, cmd.Name, cmd.Def.GetList().GetItems()); err != nil {
						return err
					}
				case pg.AlterTableType_AT_ChangeOwner:
				default:
					return defError("ALTER FOREIGN TABLE other than OPTIONS (change its CREATE FOREIGN TABLE)")
				}
			}
			return nil
		}}, true, nil
	}
	if len(s.Cmds) != 1 {
		return nil, false, nil
	}
	cmd := s.Cmds[0].GetAlterTableCmd()
	state := map[pg.AlterTableType]string{pg.AlterTableType_AT_EnableRule: "O", pg.AlterTableType_AT_DisableRule: "D",
		pg.AlterTableType_AT_EnableAlwaysRule: "A", pg.AlterTableType_AT_EnableReplicaRule: "R"}[cmd.Subtype]
	if state == "" {
		return nil, false, nil
	}
	d := ns.definer()
	table, err := d.relation(s.Relation)
	if err != nil {
		return nil, true, err
	}
	id := model.ObjectID{Kind: model.KindRule, Name: table, Member: cmd.Name}
	return &Alteration{id, func(def *model.Definition) error {
		setEnabled(def, state, " RULE "+pgsql.QuoteIdent(cmd.Name))
		return nil
	}}, true, nil
}

// commentDefinitionColumn handles COMMENT ON COLUMN of a foreign table's
// column.
func (ns *Namespace) commentDefinitionColumn(s *pg.CommentStmt) (*Alteration, bool, error) {
	if s.Objtype != pg.ObjectType_OBJECT_COLUMN {
		return nil, false, nil
	}
	parts := Strings(s.Object.GetList().GetItems())
	if len(parts) < 2 {
		return nil, false, nil
	}
	rv := &pg.RangeVar{Relname: parts[len(parts)-2], Location: -1}
	if len(parts) > 2 {
		rv.Schemaname = parts[len(parts)-3]
	}
	table, err := ns.definer().relation(rv)
	if err != nil {
		return nil, true, err
	}
	col := parts[len(parts)-1]
	id := model.ObjectID{Kind: model.KindForeignTable, Name: table}
	return &Alteration{id, func(def *model.Definition) error {
		for _, c := range def.Columns {
			if c.Name == col {
				c.Comment = s.Comment
				return nil
			}
		}
		return &UnknownError{Kind: KindRelation, Name: table.String() + "." + col, Location: -1}
	}}, true, nil
}
