package op

import "strings"

// Comment sets or removes the comment on an object (COMMENT ON).
//
// On is the object kind as SQL spells it: "TABLE", "COLUMN", "VIEW",
// "MATERIALIZED VIEW", "INDEX", "SEQUENCE", "TYPE", "DOMAIN", "SCHEMA",
// "EXTENSION", "COLLATION", "FUNCTION", "PROCEDURE", "CONSTRAINT", "TRIGGER",
// "POLICY" or "DOMAIN CONSTRAINT". Which name fields apply depends on it:
//   - COLUMN: Schema, Table, Name (the column).
//   - CONSTRAINT, TRIGGER, POLICY: Schema, Table, Name.
//   - DOMAIN CONSTRAINT: Schema, Table (the domain), Name.
//   - FUNCTION, PROCEDURE: Schema, Name, Args (the argument types).
//   - SCHEMA, EXTENSION: Name.
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
	if o.On == "" || o.Name == "" {
		return nil, invalid("Comment", "On and Name are required")
	}
	on := strings.ToUpper(o.On)
	var target string
	switch on {
	case "COLUMN":
		target = QualifiedName(o.Schema, o.Table) + "." + QuoteIdent(o.Name)
	case "CONSTRAINT", "TRIGGER", "POLICY":
		target = QuoteIdent(o.Name) + " ON " + QualifiedName(o.Schema, o.Table)
	case "DOMAIN CONSTRAINT":
		on = "CONSTRAINT"
		target = QuoteIdent(o.Name) + " ON DOMAIN " + QualifiedName(o.Schema, o.Table)
	case "FUNCTION", "PROCEDURE":
		target = QualifiedName(o.Schema, o.Name) + "(" + o.Args + ")"
	case "SCHEMA", "EXTENSION":
		target = QuoteIdent(o.Name)
	default:
		target = QualifiedName(o.Schema, o.Name)
	}
	return one(commentSQL(on, target, o.Text))
}

func commentSQL(on, target, text string) string {
	val := "NULL"
	if text != "" {
		val = QuoteLiteral(text)
	}
	return "COMMENT ON " + on + " " + target + " IS " + val
}
