package model

// Trigger is a trigger on a table or view.
type Trigger struct {
	Table Name
	Name  string
	// Definition is the whole CREATE TRIGGER statement.
	Definition Expr
	// Function is the trigger function it executes, for ordering.
	Function Name
	// Enabled is "O" (origin, the default), "D" (disabled), "R" (replica) or
	// "A" (always).
	Enabled string
	Comment string
}

// Policy is a row-level security policy on a table.
type Policy struct {
	Name       string
	Permissive bool
	// Command is "ALL", "SELECT", "INSERT", "UPDATE" or "DELETE".
	Command string
	// Roles are the role names, sorted; "public" when none is given.
	Roles     []string
	Using     *Expr
	WithCheck *Expr
	Comment   string
}
