package model

// Table is an ordinary, unlogged, partitioned or partition table.
type Table struct {
	Name     Name
	Unlogged bool
	// Columns are in attribute order. A partition lists only the columns it
	// defines itself; the ones inherited from its parent are implied.
	Columns []*Column
	// ColumnOrder is set on a partition whose columns stand in another
	// order than its partitioned table's (a table created on its own and
	// attached): every column's name, in attribute order. pg_dump prints
	// a partition's columns in its own order.
	ColumnOrder []string
	Constraints []*Constraint
	// PartitionBy is set on a partitioned table: its strategy and key.
	PartitionBy *PartitionKey
	// PartitionOf and PartitionBound are set on a partition.
	PartitionOf *Name
	// PartitionBound is the canonical bound, "DEFAULT" or "FOR VALUES ...".
	PartitionBound string
	// AttachedIndexes name, on a partition, its indexes that are attached
	// to an index of its partitioned table (those PostgreSQL created for
	// the parent's index or attached to it, the indexes behind primary key
	// and unique constraints included), sorted by parent. They are implied
	// by the parent's index but for their names, which PostgreSQL chooses
	// from the order things were created in.
	AttachedIndexes []AttachedIndex
	// Inherits lists the parents of a table that uses classic inheritance.
	Inherits   []Name
	RLSEnabled bool
	RLSForced  bool
	// ReplicaIdentity is "FULL", "NOTHING" or "INDEX"; "" is DEFAULT (the
	// primary key).
	ReplicaIdentity string
	// ReplicaIdentityIndex names the index of REPLICA IDENTITY USING INDEX.
	ReplicaIdentityIndex string
	// ClusterOn names the index ALTER TABLE ... CLUSTER ON marked for
	// CLUSTER (a plain index or one behind a constraint); "" when none.
	ClusterOn string
	// TriggerStates are, on a partition, the firing states of the
	// triggers it has from its partitioned table (PostgreSQL clones a
	// row-level trigger to every partition) that differ from the state
	// of the trigger each was cloned from, sorted by trigger name.
	TriggerStates []TriggerState
	Policies      []*Policy
	// Options are storage parameters ("fillfactor=70"), in the order
	// PostgreSQL keeps them, which pg_dump prints: as written, except that
	// ALTER ... SET moves what it sets to the end, and the toast table's
	// ("toast.autovacuum_enabled=false") follow the table's own.
	Options []string
	Comment string
	Access
}

// TriggerState is the firing state of a trigger a partition has from its
// partitioned table.
type TriggerState struct {
	Trigger string
	// Enabled is a firing state as in Trigger.Enabled.
	Enabled string
}

// AttachedIndex is an index of a partition attached to an index of its
// partitioned table: both in their tables' schemas.
type AttachedIndex struct {
	// Parent is the name of the partitioned table's index.
	Parent string
	// Name is the name of the partition's index.
	Name string
}

// Column returns the column with the given name, or nil.
func (t *Table) Column(name string) *Column { return ColumnNamed(t.Columns, name) }

// ColumnNamed returns the column of cols with the given name, or nil: a
// table's own columns or a partition's effective ones.
func ColumnNamed(cols []*Column, name string) *Column {
	if i := ColumnIndex(cols, name); i >= 0 {
		return cols[i]
	}
	return nil
}

// ColumnIndex returns the position in cols of the column with the given
// name, or -1.
func ColumnIndex(cols []*Column, name string) int {
	for i, c := range cols {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// Constraint returns the constraint with the given name, or nil.
func (t *Table) Constraint(name string) *Constraint {
	for _, c := range t.Constraints {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// PrimaryKey returns the table's primary key constraint, or nil.
func (t *Table) PrimaryKey() *Constraint {
	for _, c := range t.Constraints {
		if c.Kind == PrimaryKey {
			return c
		}
	}
	return nil
}

// PartitionKey is the partitioning of a partitioned table.
type PartitionKey struct {
	// Strategy is "RANGE", "LIST" or "HASH".
	Strategy string
	// Key is the canonical key list, as in "RANGE (a, lower(b))" without the
	// strategy: "(a, lower(b))".
	Key Expr
}

// Column is one column of a table.
type Column struct {
	Name    string
	Type    string
	NotNull bool
	// Inherited is set on a column of an inheritance child that the
	// child does not define itself (attislocal false): it is listed only
	// for what the child sets on it (NOT NULL, a default, its settings, a
	// comment), where a column the child defines too is listed always,
	// as pg_dump prints it in the child's CREATE TABLE. Partitions and
	// other tables never set it (see sqlnorm.Finalize).
	Inherited bool
	// Default is the column default; nil when there is none.
	Default *Expr
	// Identity is set on identity columns.
	Identity *Identity
	// Generated is the expression of a STORED generated column.
	Generated *Expr
	// Collation is set only when it differs from the type's default
	// collation, as a qualified quoted name: pg_catalog."C".
	Collation string
	// Storage is set when it differs from the type's default storage:
	// "plain", "external", "extended" or "main".
	Storage string
	// Compression is the column's compression method, "pglz" or "lz4",
	// when one is set; "" uses the server's default_toast_compression.
	Compression string
	// Statistics is the statistics target ALTER COLUMN ... SET
	// STATISTICS gave the column; nil leaves default_statistics_target.
	Statistics *int
	// Options are the column's attribute options (ALTER COLUMN ... SET
	// (n_distinct = 100)), as "name=value", in the order PostgreSQL keeps
	// them (see Table.Options).
	Options []string
	Comment string
	// Access holds the column's privileges (GRANT SELECT (c) ON ...);
	// columns have no owner of their own.
	Access
}

// Identity describes an identity column.
type Identity struct {
	// Always is true for GENERATED ALWAYS, false for BY DEFAULT.
	Always bool
	SequenceOptions
}
