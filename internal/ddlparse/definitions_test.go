package ddlparse_test

import (
	"testing"

	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/model"
)

// TestDefinitionErrors pins the errors of statements that create or change
// objects held as model.Definition: what PostgreSQL would reject, and what
// it would accept but autogen cannot hold (refused, never skipped).
func TestDefinitionErrors(t *testing.T) {
	checkErrors(t, []errorCase{
		{
			name: "shell type never defined",
			src:  "CREATE TABLE t (a int);\nCREATE TYPE later;\n",
			kind: ddlparse.ErrUnsupported,
			want: `schema.sql:2:1: the shell type public.later is never defined (CREATE TYPE later (INPUT = ..., OUTPUT = ...)) (in "CREATE TYPE later;")`,
		},
		{
			name: "commutator never defined",
			src:  "CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq, COMMUTATOR = ====);",
			kind: ddlparse.ErrUnsupported,
			want: `schema.sql:1:1: operator public.==== is named as a commutator or negator but never defined (PostgreSQL would leave a shell operator) (in "CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq, COMMUTATOR = ====);")`,
		},
		{
			name: "base type like another",
			src:  "CREATE TYPE t;\nCREATE TYPE t (INPUT = t_in, OUTPUT = t_out, LIKE = integer);",
			kind: ddlparse.ErrUnsupported,
			want: `schema.sql:2:1: CREATE TYPE ... (LIKE = type): give INTERNALLENGTH, PASSEDBYVALUE, ALIGNMENT and STORAGE instead is not supported (in "CREATE TYPE t (INPUT = t_in, OUTPUT = t_out, LIKE = integer);")`,
		},
		{
			name: "rule on select",
			src:  "CREATE TABLE t (a int);\nCREATE RULE r AS ON SELECT TO t DO INSTEAD SELECT 1 AS a;",
			kind: ddlparse.ErrUnsupported,
			want: `schema.sql:2:1: CREATE RULE ... ON SELECT (write a view) is not supported (in "CREATE RULE r AS ON SELECT TO t DO INSTEAD SELECT 1 AS a;")`,
		},
		{
			name: "user mapping for the current user",
			src:  "CREATE FOREIGN DATA WRAPPER w;\nCREATE SERVER s FOREIGN DATA WRAPPER w;\nCREATE USER MAPPING FOR CURRENT_USER SERVER s;",
			kind: ddlparse.ErrUnsupported,
			want: `schema.sql:3:1: USER MAPPING FOR CURRENT_USER (name the role) is not supported (in "CREATE USER MAPPING FOR CURRENT_USER SERVER s;")`,
		},
		{
			name: "aggregate over a missing function",
			src:  "CREATE AGGREGATE a(integer) (SFUNC = nope, STYPE = integer);",
			kind: ddlparse.ErrUndefined,
			want: `schema.sql:1:1: function nope does not exist (in "CREATE AGGREGATE a(integer) (SFUNC = nope, STYPE = integer);")`,
		},
		{
			name: "duplicate text search configuration",
			src:  "CREATE TEXT SEARCH CONFIGURATION c (PARSER = default);\nCREATE TEXT SEARCH CONFIGURATION c (COPY = simple);",
			kind: ddlparse.ErrInvalid,
			want: `schema.sql:2:1: text search configuration public.c already exists (in "CREATE TEXT SEARCH CONFIGURATION c (COPY = simple);")`,
		},
		{
			name: "mapping added twice",
			src:  "CREATE TEXT SEARCH CONFIGURATION c (PARSER = default);\nALTER TEXT SEARCH CONFIGURATION c ADD MAPPING FOR word WITH simple;\nALTER TEXT SEARCH CONFIGURATION c ADD MAPPING FOR word WITH simple;",
			kind: ddlparse.ErrUnsupported,
			want: `schema.sql:3:1: ADD MAPPING FOR word: the configuration has a mapping for it already is not supported (in "ALTER TEXT SEARCH CONFIGURATION c ADD MAPPING FOR word WITH simple;")`,
		},
		{
			name: "alter of a missing publication",
			src:  "CREATE TABLE t (a int);\nALTER PUBLICATION p ADD TABLE t;",
			kind: ddlparse.ErrUndefined,
			want: `schema.sql:2:1: publication p does not exist (in "ALTER PUBLICATION p ADD TABLE t;")`,
		},
		{
			name: "operator class in a family of another schema's files",
			src:  "CREATE OPERATOR CLASS c FOR TYPE box USING gist FAMILY box_ops AS OPERATOR 3 &&;",
			kind: ddlparse.ErrUnsupported,
			want: `schema.sql:1:1: an operator class whose family operator family pg_catalog.box_ops USING gist the files do not define, with members PostgreSQL ties to the family (in "CREATE OPERATOR CLASS c FOR TYPE box USING gist FAMILY box_ops AS OPERATOR 3 &&;")`,
		},
	})
}

// TestDefinitionStatements checks the canonical form the SQL reader gives
// definitions written in different ways, and what ALTER and COMMENT do to
// them.
func TestDefinitionStatements(t *testing.T) {
	cat, err := ddlparse.Parse("schema.sql", []byte(`
CREATE SCHEMA s;
CREATE AGGREGATE s.total (BASETYPE = int4, SFUNC = int4pl, STYPE = int4, INITCOND = 0);
COMMENT ON AGGREGATE s.total(integer) IS 'a sum';
CREATE TEXT SEARCH CONFIGURATION s.c (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION s.c DROP MAPPING FOR email, url;
ALTER TEXT SEARCH CONFIGURATION s.c ALTER MAPPING REPLACE simple WITH english_stem;
CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE EVENT TRIGGER e ON ddl_command_start WHEN TAG IN ('drop table', 'CREATE TABLE', 'DROP TABLE') EXECUTE PROCEDURE log_ddl();
ALTER EVENT TRIGGER e ENABLE ALWAYS;
`))
	if err != nil {
		t.Fatal(err)
	}
	agg := cat.Definition(model.ObjectID{Kind: model.KindAggregate, Name: model.Name{Schema: "s", Name: "total"}, Args: "integer"})
	if agg == nil || agg.Create.SQL != `CREATE AGGREGATE s.total(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0')` ||
		agg.Comment != "a sum" {
		t.Errorf("aggregate: %+v", agg)
	}
	cfg := cat.Definition(model.ObjectID{Kind: model.KindTSConfig, Name: model.Name{Schema: "s", Name: "c"}})
	if cfg == nil || cfg.Setting("MAPPING FOR email") != nil || cfg.Setting("MAPPING FOR asciiword") == nil ||
		cfg.Setting("MAPPING FOR asciiword").Value.SQL != "ALTER MAPPING FOR asciiword WITH english_stem" {
		t.Errorf("text search configuration: %+v", cfg)
	}
	evt := cat.Definition(model.ObjectID{Kind: model.KindEventTrigger, Name: model.Name{Name: "e"}})
	// The tags stay in their order, repeats included, as PostgreSQL keeps them.
	if evt == nil || evt.Create.SQL != `CREATE EVENT TRIGGER e ON ddl_command_start WHEN TAG IN ('DROP TABLE', 'CREATE TABLE', 'DROP TABLE') EXECUTE FUNCTION public.log_ddl()` ||
		evt.Setting("STATE") == nil || evt.Setting("STATE").Value.SQL != "ENABLE ALWAYS" {
		t.Errorf("event trigger: %+v", evt)
	}
}
