package model

// Index is an index that no constraint owns. The index behind a primary key,
// unique or exclusion constraint is implied by the constraint.
type Index struct {
	// Schema is the schema of the index, always its table's schema.
	Schema string
	Name   string
	// Table is the indexed table or materialized view.
	Table  Name
	Unique bool
	// Method is the access method; "btree" is stored as "btree".
	Method string
	Keys   []IndexKey
	// Include lists the INCLUDE columns.
	Include          []string
	Where            *Expr
	NullsNotDistinct bool
	// Options are storage parameters ("fillfactor=70"), in the order
	// PostgreSQL keeps them (see Table.Options).
	Options []string
	// Invalid is set on an index whose build failed (a live database only);
	// the diff rebuilds it.
	Invalid bool
	Comment string
}

// QualifiedName returns the index name with its schema.
func (ix *Index) QualifiedName() Name { return Name{Schema: ix.Schema, Name: ix.Name} }

// IndexKey is one key column or expression of an index. Defaults are not
// stored: an ascending key has Desc false, NULLS LAST for ascending and NULLS
// FIRST for descending keys leave NullsFirst/NullsLast unset, and the default
// operator class for the column type leaves Opclass empty.
type IndexKey struct {
	// Column is set for a plain column key; Expr for an expression key.
	Column    string
	Expr      *Expr
	Collation string
	Opclass   string
	// OpclassOptions are operator class parameters, as "siglen=32".
	OpclassOptions []string
	Desc           bool
	// NullsOrder is "", "NULLS FIRST" or "NULLS LAST"; it is set only when
	// it differs from the default for the key's direction.
	NullsOrder string
	// Statistics is the statistics target ALTER INDEX ... ALTER COLUMN n
	// SET STATISTICS gave an expression key; nil leaves the default.
	Statistics *int
}
