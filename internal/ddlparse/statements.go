package ddlparse

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
)

// statement applies one parsed statement.
func (b *builder) statement(n *pg.Node) error {
	if sqlnorm.IsDefinition(n) {
		return b.define(n)
	}
	if handled, err := b.alterDefinition(n); handled {
		return err
	}
	switch v := n.Node.(type) {
	case *pg.Node_VariableSetStmt:
		return b.set(v.VariableSetStmt)
	case *pg.Node_SelectStmt:
		return b.selectStmt(v.SelectStmt)
	case *pg.Node_TransactionStmt:
		// Transaction boundaries do not change the schema a file describes.
		return nil
	case *pg.Node_GrantStmt:
		return b.grant(v.GrantStmt)
	case *pg.Node_AlterDefaultPrivilegesStmt:
		return b.defaultPrivileges(v.AlterDefaultPrivilegesStmt)
	case *pg.Node_AlterOwnerStmt:
		return b.alterOwner(v.AlterOwnerStmt)
	case *pg.Node_GrantRoleStmt:
		return b.unsupported("GRANT or REVOKE of role membership (roles are cluster-level: autogen does not manage them)")
	case *pg.Node_CreateSchemaStmt:
		return b.createSchema(v.CreateSchemaStmt)
	case *pg.Node_CreateExtensionStmt:
		return b.createExtension(v.CreateExtensionStmt)
	case *pg.Node_DefineStmt:
		if v.DefineStmt.Kind == pg.ObjectType_OBJECT_COLLATION {
			return b.createCollation(v.DefineStmt)
		}
		return b.unsupported(kindWord(v.DefineStmt.Kind))
	case *pg.Node_CreateEnumStmt:
		return b.createEnum(v.CreateEnumStmt)
	case *pg.Node_AlterEnumStmt:
		return b.alterEnum(v.AlterEnumStmt)
	case *pg.Node_CompositeTypeStmt:
		return b.createComposite(v.CompositeTypeStmt)
	case *pg.Node_CreateDomainStmt:
		return b.createDomain(v.CreateDomainStmt)
	case *pg.Node_AlterDomainStmt:
		return b.alterDomain(v.AlterDomainStmt)
	case *pg.Node_CreateSeqStmt:
		return b.createSequence(v.CreateSeqStmt)
	case *pg.Node_AlterSeqStmt:
		return b.alterSequence(v.AlterSeqStmt)
	case *pg.Node_CreateStmt:
		return b.createTable(v.CreateStmt)
	case *pg.Node_AlterTableStmt:
		return b.alterTable(v.AlterTableStmt)
	case *pg.Node_IndexStmt:
		return b.createIndex(v.IndexStmt)
	case *pg.Node_ViewStmt:
		return b.createView(v.ViewStmt)
	case *pg.Node_CreateTableAsStmt:
		return b.createMaterializedView(v.CreateTableAsStmt)
	case *pg.Node_CreateFunctionStmt:
		return b.createFunction(v.CreateFunctionStmt)
	case *pg.Node_AlterFunctionStmt:
		return b.alterFunction(v.AlterFunctionStmt)
	case *pg.Node_ClusterStmt:
		return b.cluster(v.ClusterStmt)
	case *pg.Node_CreateTrigStmt:
		return b.createTrigger(v.CreateTrigStmt)
	case *pg.Node_CreatePolicyStmt:
		return b.createPolicy(v.CreatePolicyStmt)
	case *pg.Node_CommentStmt:
		return b.comment(v.CommentStmt)
	case *pg.Node_DropStmt:
		return b.drop(v.DropStmt)
	case *pg.Node_DropUserMappingStmt:
		return b.dropUserMapping(v.DropUserMappingStmt)
	case *pg.Node_InsertStmt:
		if b.ignoredRows(v.InsertStmt.Relation) {
			return nil
		}
		return b.dataStatement()
	case *pg.Node_UpdateStmt, *pg.Node_DeleteStmt, *pg.Node_CopyStmt, *pg.Node_TruncateStmt:
		return b.dataStatement()
	case *pg.Node_DoStmt:
		return b.unsupported("DO (procedural code cannot be read as schema)")
	}
	return b.unsupported(statementName(b.cur.raw.Text))
}

// dataStatement refuses a statement that changes rows.
func (b *builder) dataStatement() error {
	return b.errorAt(-1, ErrUnsupported, "%s is not supported: schema files hold no data; keep data out of schema.sql "+
		"(in a revision or a seed script), or, for a framework's own bookkeeping rows, list their table in autogen.toml's ignore_rows",
		statementName(b.cur.raw.Text))
}

// ignoredRows reports whether an INSERT goes into a table whose rows are
// to be skipped (WithIgnoredRows).
func (b *builder) ignoredRows(rv *pg.RangeVar) bool {
	for _, t := range b.cfg.ignoredRows {
		schema, name, qualified := strings.Cut(t, ".")
		if !qualified {
			name, schema = schema, ""
		}
		if name != rv.Relname {
			continue
		}
		if schema == "" {
			return true
		}
		if n, err := b.relation(rv); err == nil && n.Schema == schema || rv.Schemaname == schema {
			return true
		}
	}
	return false
}

func (b *builder) unsupported(what string) error {
	return b.errorAt(-1, ErrUnsupported, "%s is not supported", what)
}

// statementName returns the leading keywords of a statement, for messages:
// "CREATE PUBLICATION", "ALTER SYSTEM".
func statementName(text string) string {
	words := strings.Fields(text)
	var out []string
	for _, w := range words {
		up := strings.ToUpper(w)
		if strings.Trim(up, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" || len(out) == 3 {
			break
		}
		out = append(out, up)
		if up != "CREATE" && up != "ALTER" && up != "OR" && up != "REPLACE" && up != "UNIQUE" &&
			up != "MATERIALIZED" && up != "FOREIGN" && up != "TEXT" && up != "EVENT" {
			break
		}
	}
	if len(out) == 0 {
		return "this statement"
	}
	return strings.Join(out, " ")
}

func kindWord(k pg.ObjectType) string {
	switch k {
	case pg.ObjectType_OBJECT_AGGREGATE:
		return "CREATE AGGREGATE"
	case pg.ObjectType_OBJECT_OPERATOR:
		return "CREATE OPERATOR"
	case pg.ObjectType_OBJECT_TYPE:
		return "CREATE TYPE (base types)"
	case pg.ObjectType_OBJECT_TSCONFIGURATION:
		return "CREATE TEXT SEARCH CONFIGURATION"
	case pg.ObjectType_OBJECT_TSDICTIONARY:
		return "CREATE TEXT SEARCH DICTIONARY"
	}
	return "this CREATE statement"
}
