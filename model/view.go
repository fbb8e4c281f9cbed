package model

import "strings"

// View is a view or a materialized view.
type View struct {
	Name         Name
	Materialized bool
	// Query is the SELECT statement that defines the view.
	Query Expr
	// Columns are the view's output column names when the definition names
	// them explicitly (CREATE VIEW v (a, b) AS ...); nil otherwise.
	Columns []string
	// Options are view options ("security_barrier=true",
	// "check_option=local"), in the order PostgreSQL keeps them (see
	// Table.Options; WITH CHECK OPTION comes last).
	Options []string
	// ColumnDetails are the view's columns that have a comment (COMMENT
	// ON COLUMN) or a default (ALTER VIEW ... ALTER COLUMN ... SET DEFAULT,
	// which an INSERT through the view takes), with only Name, Comment and
	// Default set, by name.
	ColumnDetails []*Column
	Comment       string
	Access
}

// CheckOptionLast returns a view's options with check_option after the
// others, which keep their order. PostgreSQL keeps check_option among the
// view's options wherever SET put it, but pg_dump writes it as WITH CHECK
// OPTION after the query, so its place among them is not part of the
// schema.
func CheckOptionLast(opts []string) []string { return OptionsLast(opts, "check_option=") }

// OptionsLast returns storage options ("name=value") with those whose text
// starts with prefix after the others, each group keeping its order; opts
// itself when none does.
func OptionsLast(opts []string, prefix string) []string {
	var rest, last []string
	for _, o := range opts {
		if strings.HasPrefix(o, prefix) {
			last = append(last, o)
		} else {
			rest = append(rest, o)
		}
	}
	if len(last) == 0 {
		return opts
	}
	return append(rest, last...)
}
