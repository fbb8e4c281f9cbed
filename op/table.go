package op

import "strings"

// CreateTable creates a table with its columns and constraints.
//
// Check and foreign key constraints marked NotValid are added by separate
// ALTER TABLE statements after the CREATE, since PostgreSQL validates
// constraints written inside CREATE TABLE regardless.
type CreateTable struct {
	Schema      string
	Name        string
	Columns     []Column
	Constraints []Constraint
	Unlogged    bool
	// PartitionBy makes the table partitioned: "RANGE (created_at)".
	PartitionBy string
	// PartitionOf makes the table a partition of the named table, with
	// PartitionBound as its bound ("FOR VALUES FROM (1) TO (10)" or
	// "DEFAULT"). A partition's Columns only set options (defaults, NOT
	// NULL) on the inherited columns.
	PartitionOf    *Name
	PartitionBound string
	// Inherits lists parent tables (classic inheritance).
	Inherits []Name
	// Options are storage parameters, as "fillfactor=70".
	Options     []string
	IfNotExists bool
	Comment     string
}

// Statements renders CREATE TABLE and the comments.
func (o CreateTable) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("CreateTable", "Name is empty")
	}
	name := QualifiedName(o.Schema, o.Name)
	var b strings.Builder
	b.WriteString("CREATE ")
	if o.Unlogged {
		b.WriteString("UNLOGGED ")
	}
	b.WriteString("TABLE ")
	if o.IfNotExists {
		b.WriteString("IF NOT EXISTS ")
	}
	b.WriteString(name)
	if o.PartitionOf != nil {
		b.WriteString(" PARTITION OF " + o.PartitionOf.SQL())
	}
	var items []string
	for _, c := range o.Columns {
		if o.PartitionOf != nil {
			// A partition lists a column for what it sets on its own;
			// settings kept per table (storage, a statistics target) are
			// set with ALTER TABLE, and leave nothing to write here.
			if c.Default != "" || c.NotNull {
				items = append(items, c.partitionDefinition())
			}
			continue
		}
		def, err := c.definition()
		if err != nil {
			return nil, err
		}
		items = append(items, def)
	}
	var later []Constraint
	for _, c := range o.Constraints {
		if notValid(c) {
			later = append(later, c)
			continue
		}
		def, err := c.definition()
		if err != nil {
			return nil, err
		}
		items = append(items, def)
	}
	if o.PartitionOf == nil || len(items) > 0 {
		b.WriteString(" (")
		for i, it := range items {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n    " + it)
		}
		if len(items) > 0 {
			b.WriteString("\n")
		}
		b.WriteString(")")
	}
	if len(o.Inherits) > 0 {
		parts := make([]string, len(o.Inherits))
		for i, p := range o.Inherits {
			parts[i] = p.SQL()
		}
		b.WriteString(" INHERITS (" + strings.Join(parts, ", ") + ")")
	}
	if o.PartitionOf != nil {
		if o.PartitionBound == "" {
			return nil, invalid("CreateTable", "partition %s has no PartitionBound", o.Name)
		}
		b.WriteString(" " + o.PartitionBound)
	}
	if o.PartitionBy != "" {
		b.WriteString(" PARTITION BY " + o.PartitionBy)
	}
	b.WriteString(withOptions(o.Options))
	out := []string{b.String()}
	for _, c := range o.Columns {
		if o.PartitionOf == nil {
			out = append(out, c.settings(name)...)
		}
	}
	for _, c := range later {
		stmts, err := AddConstraint{Schema: o.Schema, Table: o.Name, Constraint: c}.Statements()
		if err != nil {
			return nil, err
		}
		out = append(out, stmts...)
	}
	if o.Comment != "" {
		out = append(out, commentSQL("TABLE", name, o.Comment))
	}
	for _, c := range o.Columns {
		if c.Comment != "" {
			out = append(out, commentSQL("COLUMN", name+"."+QuoteIdent(c.Name), c.Comment))
		}
	}
	return out, nil
}

func notValid(c Constraint) bool {
	switch c := c.(type) {
	case Check:
		return c.NotValid
	case ForeignKey:
		return c.NotValid
	}
	return false
}

// Reverse drops the table.
func (o CreateTable) Reverse() (Operation, error) {
	return DropTable{Schema: o.Schema, Name: o.Name}, nil
}

// DropTable drops a table and its data.
type DropTable struct {
	Schema   string
	Name     string
	IfExists bool
	Cascade  bool
	// RowsStashed is set when a StashRows before it keeps the rows for
	// the table created again (a rewrite): nothing is lost.
	RowsStashed bool
}

// Statements renders DROP TABLE.
func (o DropTable) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("DropTable", "Name is empty")
	}
	return one("DROP TABLE " + ifExists(o.IfExists) + QualifiedName(o.Schema, o.Name) + cascade(o.Cascade))
}

// Hazards: the table's rows are deleted, unless they were stashed for a
// rewrite.
func (o DropTable) Hazards() []Hazard {
	if o.RowsStashed {
		return nil
	}
	return []Hazard{{DeletesData, "drops table " + o.Name + " and its rows"}}
}

// RenameTable renames a table; the data stays.
type RenameTable struct {
	Schema  string
	Name    string
	NewName string
}

// Statements renders ALTER TABLE ... RENAME TO.
func (o RenameTable) Statements() ([]string, error) {
	if o.Name == "" || o.NewName == "" {
		return nil, invalid("RenameTable", "Name and NewName are required")
	}
	return one("ALTER TABLE " + QualifiedName(o.Schema, o.Name) + " RENAME TO " + QuoteIdent(o.NewName))
}

// Reverse renames the table back.
func (o RenameTable) Reverse() (Operation, error) {
	return RenameTable{Schema: o.Schema, Name: o.NewName, NewName: o.Name}, nil
}

// SetLogged switches a table between logged and unlogged, which rewrites
// it.
type SetLogged struct {
	Schema   string
	Table    string
	Unlogged bool
}

// Statements renders ALTER TABLE ... SET LOGGED/UNLOGGED.
func (o SetLogged) Statements() ([]string, error) {
	if o.Table == "" {
		return nil, invalid("SetLogged", "Table is empty")
	}
	return one("ALTER TABLE " + QualifiedName(o.Schema, o.Table) + " SET " + persistence(o.Unlogged))
}

// persistence spells the SET LOGGED / SET UNLOGGED clause's word.
func persistence(unlogged bool) string {
	if unlogged {
		return "UNLOGGED"
	}
	return "LOGGED"
}

// Reverse switches back.
func (o SetLogged) Reverse() (Operation, error) {
	return SetLogged{Schema: o.Schema, Table: o.Table, Unlogged: !o.Unlogged}, nil
}

// Hazards: the table is rewritten.
func (o SetLogged) Hazards() []Hazard {
	return []Hazard{{RewritesTable, "changing the persistence of " + o.Table + " rewrites it under an ACCESS EXCLUSIVE lock"}}
}

// SetTableOptions sets or resets storage parameters of a table.
type SetTableOptions struct {
	Schema string
	Table  string
	// Set holds "name=value" pairs; Reset holds names.
	Set   []string
	Reset []string
}

// Statements renders ALTER TABLE ... SET/RESET.
func (o SetTableOptions) Statements() ([]string, error) {
	if o.Table == "" {
		return nil, invalid("SetTableOptions", "Table is empty")
	}
	p := "ALTER TABLE " + QualifiedName(o.Schema, o.Table)
	var out []string
	if len(o.Reset) > 0 {
		out = append(out, p+" RESET ("+strings.Join(o.Reset, ", ")+")")
	}
	if len(o.Set) > 0 {
		out = append(out, p+" SET ("+strings.Join(o.Set, ", ")+")")
	}
	return out, nil
}

// AttachPartition attaches an existing table as a partition.
type AttachPartition struct {
	Schema    string
	Table     string
	Partition Name
	// Bound is "FOR VALUES ..." or "DEFAULT".
	Bound string
}

// Statements renders ALTER TABLE ... ATTACH PARTITION.
func (o AttachPartition) Statements() ([]string, error) {
	if o.Table == "" || o.Partition.Name == "" || o.Bound == "" {
		return nil, invalid("AttachPartition", "Table, Partition and Bound are required")
	}
	return one("ALTER TABLE " + QualifiedName(o.Schema, o.Table) + " ATTACH PARTITION " + o.Partition.SQL() + " " + o.Bound)
}

// Reverse detaches the partition.
func (o AttachPartition) Reverse() (Operation, error) {
	return DetachPartition{Schema: o.Schema, Table: o.Table, Partition: o.Partition}, nil
}

// Hazards: attaching scans the partition unless a matching check exists.
func (o AttachPartition) Hazards() []Hazard {
	return []Hazard{{LocksForScan, "attaching " + o.Partition.Name + " scans it to check the bound unless a matching CHECK constraint exists"}}
}

// DetachPartition detaches a partition, leaving it as a plain table.
type DetachPartition struct {
	Schema    string
	Table     string
	Partition Name
}

// Statements renders ALTER TABLE ... DETACH PARTITION.
func (o DetachPartition) Statements() ([]string, error) {
	if o.Table == "" || o.Partition.Name == "" {
		return nil, invalid("DetachPartition", "Table and Partition are required")
	}
	return one("ALTER TABLE " + QualifiedName(o.Schema, o.Table) + " DETACH PARTITION " + o.Partition.SQL())
}

// SetInherit adds (or with NoInherit removes) a parent of a table that uses
// classic inheritance.
type SetInherit struct {
	Schema    string
	Table     string
	Parent    Name
	NoInherit bool
}

// Statements renders ALTER TABLE ... [NO] INHERIT.
func (o SetInherit) Statements() ([]string, error) {
	if o.Table == "" || o.Parent.Name == "" {
		return nil, invalid("SetInherit", "Table and Parent are required")
	}
	kw := " INHERIT "
	if o.NoInherit {
		kw = " NO INHERIT "
	}
	return one("ALTER TABLE " + QualifiedName(o.Schema, o.Table) + kw + o.Parent.SQL())
}

// Reverse undoes the change.
func (o SetInherit) Reverse() (Operation, error) {
	r := o
	r.NoInherit = !o.NoInherit
	return r, nil
}

// SetRowSecurity turns row-level security on or off for a table, and
// whether it applies to the table's owner too (FORCE).
type SetRowSecurity struct {
	Schema string
	Table  string
	// Enable and Disable switch ROW LEVEL SECURITY; Force and NoForce
	// switch FORCE ROW LEVEL SECURITY. Set at most one of each pair.
	Enable  bool
	Disable bool
	Force   bool
	NoForce bool
}

// Statements renders ALTER TABLE ... ROW LEVEL SECURITY.
func (o SetRowSecurity) Statements() ([]string, error) {
	if o.Table == "" || (o.Enable && o.Disable) || (o.Force && o.NoForce) {
		return nil, invalid("SetRowSecurity", "Table is required and each pair is exclusive")
	}
	p := "ALTER TABLE " + QualifiedName(o.Schema, o.Table)
	var out []string
	switch {
	case o.Enable:
		out = append(out, p+" ENABLE ROW LEVEL SECURITY")
	case o.Disable:
		out = append(out, p+" DISABLE ROW LEVEL SECURITY")
	}
	switch {
	case o.Force:
		out = append(out, p+" FORCE ROW LEVEL SECURITY")
	case o.NoForce:
		out = append(out, p+" NO FORCE ROW LEVEL SECURITY")
	}
	return out, nil
}

// Reverse flips each switch that is set.
func (o SetRowSecurity) Reverse() (Operation, error) {
	return SetRowSecurity{Schema: o.Schema, Table: o.Table, Enable: o.Disable, Disable: o.Enable, Force: o.NoForce, NoForce: o.Force}, nil
}

// SetClusterOn marks the index that CLUSTER without an index name uses for
// a table (ALTER TABLE ... CLUSTER ON); an empty Index removes the mark
// (SET WITHOUT CLUSTER). Neither reorders rows.
type SetClusterOn struct {
	Schema string
	Table  string
	Index  string
}

// Statements renders ALTER TABLE ... CLUSTER ON or SET WITHOUT CLUSTER.
func (o SetClusterOn) Statements() ([]string, error) {
	if o.Table == "" {
		return nil, invalid("SetClusterOn", "Table is empty")
	}
	p := "ALTER TABLE " + QualifiedName(o.Schema, o.Table)
	if o.Index == "" {
		return one(p + " SET WITHOUT CLUSTER")
	}
	return one(p + " CLUSTER ON " + QuoteIdent(o.Index))
}

// SetReplicaIdentity sets what a table writes to the WAL to identify
// updated and deleted rows for logical replication: "DEFAULT" (the primary
// key), "FULL", "NOTHING", or "INDEX" with Index naming a unique index.
type SetReplicaIdentity struct {
	Schema   string
	Table    string
	Identity string
	Index    string
}

// Statements renders ALTER TABLE ... REPLICA IDENTITY.
func (o SetReplicaIdentity) Statements() ([]string, error) {
	if o.Table == "" {
		return nil, invalid("SetReplicaIdentity", "Table is empty")
	}
	p := "ALTER TABLE " + QualifiedName(o.Schema, o.Table) + " REPLICA IDENTITY "
	switch strings.ToUpper(o.Identity) {
	case "", "DEFAULT":
		return one(p + "DEFAULT")
	case "FULL", "NOTHING":
		return one(p + strings.ToUpper(o.Identity))
	case "INDEX":
		if o.Index == "" {
			return nil, invalid("SetReplicaIdentity", "INDEX needs Index")
		}
		return one(p + "USING INDEX " + QuoteIdent(o.Index))
	}
	return nil, invalid("SetReplicaIdentity", "unknown identity %q", o.Identity)
}
