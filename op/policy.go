package op

import "strings"

// CreatePolicy creates a row-level security policy.
type CreatePolicy struct {
	Schema string
	Table  string
	Name   string
	// Restrictive makes the policy AS RESTRICTIVE; policies are permissive
	// by default.
	Restrictive bool
	// Command is "ALL" (the default when empty), "SELECT", "INSERT",
	// "UPDATE" or "DELETE".
	Command string
	// Roles are role names; empty means PUBLIC.
	Roles     []string
	Using     string
	WithCheck string
	Comment   string
}

func roleList(roles []string) string {
	if len(roles) == 0 {
		return "PUBLIC"
	}
	parts := make([]string, len(roles))
	for i, r := range roles {
		switch strings.ToLower(r) {
		case "public":
			parts[i] = "PUBLIC"
		case "current_user", "current_role", "session_user":
			parts[i] = strings.ToUpper(r)
		default:
			parts[i] = QuoteIdent(r)
		}
	}
	return strings.Join(parts, ", ")
}

// Statements renders CREATE POLICY.
func (o CreatePolicy) Statements() ([]string, error) {
	if o.Name == "" || o.Table == "" {
		return nil, invalid("CreatePolicy", "Name and Table are required")
	}
	table := QualifiedName(o.Schema, o.Table)
	s := "CREATE POLICY " + QuoteIdent(o.Name) + " ON " + table
	if o.Restrictive {
		s += " AS RESTRICTIVE"
	}
	if o.Command != "" && !strings.EqualFold(o.Command, "ALL") {
		s += " FOR " + strings.ToUpper(o.Command)
	}
	if len(o.Roles) > 0 {
		s += " TO " + roleList(o.Roles)
	}
	if o.Using != "" {
		s += " USING (" + o.Using + ")"
	}
	if o.WithCheck != "" {
		s += " WITH CHECK (" + o.WithCheck + ")"
	}
	out := []string{s}
	if o.Comment != "" {
		out = append(out, commentSQL("POLICY", QuoteIdent(o.Name)+" ON "+table, o.Comment))
	}
	return out, nil
}

// Reverse drops the policy.
func (o CreatePolicy) Reverse() (Operation, error) {
	return DropPolicy{Schema: o.Schema, Table: o.Table, Name: o.Name}, nil
}

// DropPolicy drops a policy.
type DropPolicy struct {
	Schema   string
	Table    string
	Name     string
	IfExists bool
}

// Statements renders DROP POLICY.
func (o DropPolicy) Statements() ([]string, error) {
	if o.Name == "" || o.Table == "" {
		return nil, invalid("DropPolicy", "Name and Table are required")
	}
	return one("DROP POLICY " + ifExists(o.IfExists) + QuoteIdent(o.Name) + " ON " + QualifiedName(o.Schema, o.Table))
}

// AlterPolicy changes a policy's roles and expressions in place. Fields left
// empty are not changed; the command and permissiveness cannot be altered.
type AlterPolicy struct {
	Schema    string
	Table     string
	Name      string
	Roles     []string
	Using     string
	WithCheck string
}

// Statements renders ALTER POLICY.
func (o AlterPolicy) Statements() ([]string, error) {
	if o.Name == "" || o.Table == "" {
		return nil, invalid("AlterPolicy", "Name and Table are required")
	}
	s := "ALTER POLICY " + QuoteIdent(o.Name) + " ON " + QualifiedName(o.Schema, o.Table)
	if len(o.Roles) > 0 {
		s += " TO " + roleList(o.Roles)
	}
	if o.Using != "" {
		s += " USING (" + o.Using + ")"
	}
	if o.WithCheck != "" {
		s += " WITH CHECK (" + o.WithCheck + ")"
	}
	return one(s)
}
