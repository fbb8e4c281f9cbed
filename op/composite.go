package op

import "strings"

// AlterComposite changes the attributes of a composite type in place:
// ALTER TYPE ... ADD ATTRIBUTE, DROP ATTRIBUTE and ALTER ATTRIBUTE ...
// TYPE, in one statement. PostgreSQL adds and drops attributes while
// columns use the type (their values gain a NULL or lose the attribute);
// it changes an attribute's type only when no column uses the type.
type AlterComposite struct {
	Schema string
	Name   string
	// Add lists attributes to add, at the end, in order.
	Add []Attribute
	// Drop lists the attributes to drop.
	Drop []string
	// Alter lists attributes whose type (and collation) change.
	Alter []Attribute
}

// Statements renders ALTER TYPE.
func (o AlterComposite) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("AlterComposite", "Name is empty")
	}
	var actions []string
	for _, a := range o.Drop {
		actions = append(actions, "DROP ATTRIBUTE "+QuoteIdent(a))
	}
	for _, a := range o.Alter {
		s := "ALTER ATTRIBUTE " + QuoteIdent(a.Name) + " TYPE " + a.Type
		if a.Collation != "" {
			s += " COLLATE " + a.Collation
		}
		actions = append(actions, s)
	}
	for _, a := range o.Add {
		s := "ADD ATTRIBUTE " + QuoteIdent(a.Name) + " " + a.Type
		if a.Collation != "" {
			s += " COLLATE " + a.Collation
		}
		actions = append(actions, s)
	}
	if len(actions) == 0 {
		return nil, invalid("AlterComposite", "nothing to change")
	}
	return one("ALTER TYPE " + QualifiedName(o.Schema, o.Name) + " " + strings.Join(actions, ", "))
}

// Hazards reports that dropping an attribute loses its values in every
// column of the type.
func (o AlterComposite) Hazards() []Hazard {
	if len(o.Drop) == 0 {
		return nil
	}
	return []Hazard{{Kind: DeletesData, Message: "DROP ATTRIBUTE " + strings.Join(o.Drop, ", ") + " of type " +
		QualifiedName(o.Schema, o.Name) + ": the values of columns of this type lose the attribute"}}
}
