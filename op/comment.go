package op

import (
	"strings"

	"github.com/autogen-dev/autogen/internal/pgsql"
)

// Comment sets or removes the comment on an object (COMMENT ON).
//
// On is the object kind as SQL spells it: "TABLE", "COLUMN", "VIEW",
// "MATERIALIZED VIEW", "INDEX", "SEQUENCE", "TYPE", "DOMAIN", "SCHEMA",
// "EXTENSION", "COLLATION", "FUNCTION", "PROCEDURE", "CONSTRAINT", "TRIGGER",
// "POLICY" or "DOMAIN CONSTRAINT". Which name fields apply depends on it:
//   - COLUMN: Schema, Table, Name (the column).
//   - CONSTRAINT, TRIGGER, POLICY: Schema, Table, Name.
//   - DOMAIN CONSTRAINT: Schema, Table (the domain), Name.
//   - FUNCTION, PROCEDURE, AGGREGATE: Schema, Name, Args (the argument
//     types).
//   - SCHEMA, EXTENSION, EVENT TRIGGER, FOREIGN DATA WRAPPER, SERVER,
//     PUBLICATION: Name.
//   - RULE: Schema, Table, Name; OPERATOR CLASS, OPERATOR FAMILY:
//     Schema, Name, Table (the index method); OPERATOR: Schema, Name,
//     Args ("integer, integer"); CAST: Args ("integer AS public.t").
//   - the others: Schema, Name.
//
// An empty Text removes the comment.
type Comment struct {
	On     string
	Schema string
	Table  string
	Name   string
	Args   string
	Text   string
}

// Statements renders COMMENT ON.
func (o Comment) Statements() ([]string, error) {
	if o.On == "" || (o.Name == "" && o.Args == "") {
		return nil, invalid("Comment", "On and Name (or a cast's Args) are required")
	}
	ref := pgsql.ObjectRef{Kind: o.On, Schema: o.Schema, Table: o.Table, Name: o.Name, Args: o.Args}
	if _, ok := pgsql.ObjectKinds[strings.ToUpper(o.On)]; !ok {
		return nil, invalid("Comment", "unknown object kind %q", o.On)
	}
	return one(commentSQL(ref.Keyword(), ref.Target(), o.Text))
}

func commentSQL(on, target, text string) string {
	val := "NULL"
	if text != "" {
		val = QuoteLiteral(text)
	}
	return "COMMENT ON " + on + " " + target + " IS " + val
}
