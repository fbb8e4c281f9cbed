package op

// CreateTrigger creates a trigger from its full definition.
//
// Definition is the CREATE TRIGGER statement itself, since a trigger's
// clauses (timing, events, transition tables, WHEN) read best as SQL.
type CreateTrigger struct {
	Schema     string
	Table      string
	Name       string
	Definition string
	// Enabled is "D" to disable the trigger after creating it, "R" for
	// replica only, "A" for always; empty (or "O") leaves it enabled.
	Enabled string
	Comment string
}

// Statements renders the definition, the enabled state and the comment.
func (o CreateTrigger) Statements() ([]string, error) {
	if o.Name == "" || o.Table == "" || o.Definition == "" {
		return nil, invalid("CreateTrigger", "Name, Table and Definition are required")
	}
	table := QualifiedName(o.Schema, o.Table)
	out := []string{o.Definition}
	switch o.Enabled {
	case "D":
		out = append(out, "ALTER TABLE "+table+" DISABLE TRIGGER "+QuoteIdent(o.Name))
	case "R":
		out = append(out, "ALTER TABLE "+table+" ENABLE REPLICA TRIGGER "+QuoteIdent(o.Name))
	case "A":
		out = append(out, "ALTER TABLE "+table+" ENABLE ALWAYS TRIGGER "+QuoteIdent(o.Name))
	}
	if o.Comment != "" {
		out = append(out, commentSQL("TRIGGER", QuoteIdent(o.Name)+" ON "+table, o.Comment))
	}
	return out, nil
}

// Reverse drops the trigger.
func (o CreateTrigger) Reverse() (Operation, error) {
	return DropTrigger{Schema: o.Schema, Table: o.Table, Name: o.Name}, nil
}

// DropTrigger drops a trigger.
type DropTrigger struct {
	Schema   string
	Table    string
	Name     string
	IfExists bool
}

// Statements renders DROP TRIGGER.
func (o DropTrigger) Statements() ([]string, error) {
	if o.Name == "" || o.Table == "" {
		return nil, invalid("DropTrigger", "Name and Table are required")
	}
	return one("DROP TRIGGER " + ifExists(o.IfExists) + QuoteIdent(o.Name) + " ON " + QualifiedName(o.Schema, o.Table))
}

// SetTriggerEnabled enables or disables a trigger: State is "O" (enable),
// "D" (disable), "R" (replica) or "A" (always).
type SetTriggerEnabled struct {
	Schema string
	Table  string
	Name   string
	State  string
}

// Statements renders ALTER TABLE ... ENABLE/DISABLE TRIGGER.
func (o SetTriggerEnabled) Statements() ([]string, error) {
	if o.Name == "" || o.Table == "" {
		return nil, invalid("SetTriggerEnabled", "Name and Table are required")
	}
	kw := map[string]string{"": "ENABLE", "O": "ENABLE", "D": "DISABLE", "R": "ENABLE REPLICA", "A": "ENABLE ALWAYS"}[o.State]
	if kw == "" {
		return nil, invalid("SetTriggerEnabled", "unknown state %q", o.State)
	}
	return one("ALTER TABLE " + QualifiedName(o.Schema, o.Table) + " " + kw + " TRIGGER " + QuoteIdent(o.Name))
}
