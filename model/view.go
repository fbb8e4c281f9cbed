package model

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
	// "check_option=local"), sorted.
	Options []string
	// CommentedColumns are the view's columns that have a comment (COMMENT
	// ON COLUMN), with only Name and Comment set, by name.
	CommentedColumns []*Column
	Comment          string
	Access
}
