package op

import (
	"context"
	"strconv"
	"strings"
)

// CreateIndex creates an index.
type CreateIndex struct {
	// Schema is the schema of the table (and so of the index).
	Schema string
	Table  string
	Name   string
	Unique bool
	// Using is the access method: btree (the default when empty), hash,
	// gist, gin, brin, spgist.
	Using   string
	Columns []IndexColumn
	Include []string
	// Where makes the index partial.
	Where            string
	NullsNotDistinct bool
	// Options are storage parameters, as "fillfactor=70".
	Options []string
	// Concurrently builds the index without blocking writes; the revision
	// must then be non-transactional.
	Concurrently bool
	IfNotExists  bool
	// Only creates the index on a partitioned table without recursing into
	// the partitions.
	Only    bool
	Comment string
}

// IndexColumn is one key of an index: a column (Name) or an expression
// (Expr).
type IndexColumn struct {
	Name           string
	Expr           string
	Collation      string
	Opclass        string
	OpclassOptions []string
	Desc           bool
	// Nulls is "FIRST" or "LAST"; empty is the default for the direction.
	Nulls string
	// Statistics is an expression key's statistics target, set with
	// ALTER INDEX once the index exists (an EXCLUDE element has none).
	Statistics *int64
}

// Cols returns plain column keys, for the common case.
func Cols(names ...string) []IndexColumn {
	out := make([]IndexColumn, len(names))
	for i, n := range names {
		out[i] = IndexColumn{Name: n}
	}
	return out
}

// SQL renders the key as it appears in an index definition or an EXCLUDE
// element: the column or parenthesized expression, then collation,
// operator class, direction and nulls order.
func (c IndexColumn) SQL() (string, error) {
	var s string
	switch {
	case c.Name != "" && c.Expr == "":
		s = QuoteIdent(c.Name)
	case c.Expr != "" && c.Name == "":
		s = "(" + c.Expr + ")"
	default:
		return "", invalid("IndexColumn", "set exactly one of Name and Expr")
	}
	if c.Collation != "" {
		s += " COLLATE " + c.Collation
	}
	if c.Opclass != "" {
		s += " " + c.Opclass
		if len(c.OpclassOptions) > 0 {
			s += " (" + strings.Join(c.OpclassOptions, ", ") + ")"
		}
	}
	if c.Desc {
		s += " DESC"
	}
	if c.Nulls != "" {
		s += " NULLS " + strings.ToUpper(c.Nulls)
	}
	return s, nil
}

// Statements renders CREATE INDEX and its comment.
func (o CreateIndex) Statements() ([]string, error) {
	if o.Table == "" || len(o.Columns) == 0 {
		return nil, invalid("CreateIndex", "Table and Columns are required")
	}
	var b strings.Builder
	b.WriteString("CREATE ")
	if o.Unique {
		b.WriteString("UNIQUE ")
	}
	b.WriteString("INDEX ")
	if o.Concurrently {
		b.WriteString("CONCURRENTLY ")
	}
	if o.IfNotExists {
		b.WriteString("IF NOT EXISTS ")
	}
	if o.Name != "" {
		b.WriteString(QuoteIdent(o.Name) + " ")
	}
	b.WriteString("ON ")
	if o.Only {
		b.WriteString("ONLY ")
	}
	b.WriteString(QualifiedName(o.Schema, o.Table))
	if o.Using != "" && !strings.EqualFold(o.Using, "btree") {
		b.WriteString(" USING " + o.Using)
	}
	keys := make([]string, len(o.Columns))
	for i, c := range o.Columns {
		k, err := c.SQL()
		if err != nil {
			return nil, err
		}
		keys[i] = k
	}
	b.WriteString(" (" + strings.Join(keys, ", ") + ")")
	b.WriteString(include(o.Include))
	if o.NullsNotDistinct {
		b.WriteString(" NULLS NOT DISTINCT")
	}
	b.WriteString(withOptions(o.Options))
	if o.Where != "" {
		b.WriteString(" WHERE " + o.Where)
	}
	out := []string{b.String()}
	for i, c := range o.Columns {
		if c.Statistics == nil {
			continue
		}
		if o.Name == "" || c.Expr == "" {
			return nil, invalid("CreateIndex", "a statistics target needs a named index and an expression key (column %d)", i+1)
		}
		s, err := SetIndexStatistics{Schema: o.Schema, Index: o.Name, Column: i + 1, Target: *c.Statistics}.Statements()
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	if o.Comment != "" && o.Name != "" {
		out = append(out, commentSQL("INDEX", QualifiedName(o.Schema, o.Name), o.Comment))
	}
	return out, nil
}

// NonTransactional reports whether the build is concurrent.
func (o CreateIndex) NonTransactional() bool { return o.Concurrently }

// invalidIndexSQL tells whether an index of the given name and schema (the
// current schema when empty) exists and is INVALID.
const invalidIndexSQL = `SELECT EXISTS (
  SELECT FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relname = $1 AND n.nspname = coalesce(nullif($2, ''), current_schema()) AND NOT i.indisvalid)`

// Run builds the index. A concurrent build that failed earlier (duplicate
// keys, a lock timeout, a runner killed mid-way) leaves an INVALID index
// that holds the name, which PostgreSQL neither uses nor lets a new build
// take; it is dropped first, so running the revision again builds the
// index instead of failing on its name or, with IF NOT EXISTS, silently
// keeping the broken one.
func (o CreateIndex) Run(ctx context.Context, db DB) error {
	if o.Concurrently && o.Name != "" {
		var invalid bool
		if err := db.QueryRow(ctx, invalidIndexSQL, o.Name, o.Schema).Scan(&invalid); err != nil {
			return err
		}
		if invalid {
			if _, err := db.Exec(ctx, "DROP INDEX CONCURRENTLY IF EXISTS "+QualifiedName(o.Schema, o.Name)); err != nil {
				return err
			}
		}
	}
	return runStatements(ctx, db, o)
}

// Reverse drops the index.
func (o CreateIndex) Reverse() (Operation, error) {
	if o.Name == "" {
		return nil, invalid("CreateIndex", "an unnamed index cannot be reversed")
	}
	return DropIndex{Schema: o.Schema, Name: o.Name, Concurrently: o.Concurrently}, nil
}

// Hazards: a plain build blocks writes; a unique one may fail.
func (o CreateIndex) Hazards() []Hazard {
	var hs []Hazard
	if !o.Concurrently {
		hs = append(hs, Hazard{BlocksWrites, "building index " + o.Name + " blocks writes to " + o.Table + "; build it CONCURRENTLY"})
	}
	if o.Unique {
		hs = append(hs, Hazard{MayFail, "duplicate keys in " + o.Table + " make unique index " + o.Name + " fail"})
	}
	return hs
}

// DropIndex drops an index.
type DropIndex struct {
	Schema       string
	Name         string
	Concurrently bool
	IfExists     bool
	// Cascade drops what depends on the index too: the constraints of
	// partitions whose indexes are attached to it, which cannot be
	// dropped while attached, nor the index while they exist.
	Cascade bool
}

// Statements renders DROP INDEX.
func (o DropIndex) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("DropIndex", "Name is empty")
	}
	s := "DROP INDEX "
	if o.Concurrently {
		s += "CONCURRENTLY "
	}
	return one(s + ifExists(o.IfExists) + QualifiedName(o.Schema, o.Name) + cascade(o.Cascade))
}

// NonTransactional reports whether the drop is concurrent.
func (o DropIndex) NonTransactional() bool { return o.Concurrently }

// Hazards: a plain drop takes an ACCESS EXCLUSIVE lock on the table.
func (o DropIndex) Hazards() []Hazard {
	if o.Concurrently {
		return nil
	}
	return []Hazard{{BlocksWrites, "dropping index " + o.Name + " takes an ACCESS EXCLUSIVE lock on its table; drop it CONCURRENTLY"}}
}

// RenameIndex renames an index.
type RenameIndex struct {
	Schema  string
	Name    string
	NewName string
}

// Statements renders ALTER INDEX ... RENAME TO.
func (o RenameIndex) Statements() ([]string, error) {
	if o.Name == "" || o.NewName == "" {
		return nil, invalid("RenameIndex", "Name and NewName are required")
	}
	return one("ALTER INDEX " + QualifiedName(o.Schema, o.Name) + " RENAME TO " + QuoteIdent(o.NewName))
}

// Reverse renames the index back.
func (o RenameIndex) Reverse() (Operation, error) {
	return RenameIndex{Schema: o.Schema, Name: o.NewName, NewName: o.Name}, nil
}

// AttachIndex attaches a partition's index to the index of its partitioned
// parent.
type AttachIndex struct {
	Schema    string
	Index     string
	Partition Name
}

// Statements renders ALTER INDEX ... ATTACH PARTITION.
func (o AttachIndex) Statements() ([]string, error) {
	if o.Index == "" || o.Partition.Name == "" {
		return nil, invalid("AttachIndex", "Index and Partition are required")
	}
	return one("ALTER INDEX " + QualifiedName(o.Schema, o.Index) + " ATTACH PARTITION " + o.Partition.SQL())
}

// NameAttachedIndex renames the index of partition Table that is attached
// to the partitioned index Parent (in ParentSchema) to Name, whichever
// index PostgreSQL attached or created for it: which one, and its name,
// depend on the order the partition and its parent's indexes came to be.
// It does nothing when the index already has the name, and fails when no
// index of the partition is attached to Parent.
type NameAttachedIndex struct {
	Schema       string
	Table        string
	ParentSchema string
	Parent       string
	Name         string
}

// Statements renders a DO block that finds the attached index in
// pg_inherits and renames it.
func (o NameAttachedIndex) Statements() ([]string, error) {
	if o.Table == "" || o.Parent == "" || o.Name == "" {
		return nil, invalid("NameAttachedIndex", "Table, Parent and Name are required")
	}
	table := QuoteLiteral(QualifiedName(o.Schema, o.Table))
	parent := QuoteLiteral(QualifiedName(o.ParentSchema, o.Parent))
	name := QuoteLiteral(o.Name)
	return one(`DO $autogen$
DECLARE
    child regclass;
BEGIN
    SELECT i.inhrelid::regclass INTO child
    FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_index x ON x.indexrelid = i.inhrelid
    WHERE i.inhparent = ` + parent + `::regclass AND x.indrelid = ` + table + `::regclass;
    IF child IS NULL THEN
        RAISE EXCEPTION 'no index of % is attached to %', ` + table + `, ` + parent + `;
    END IF;
    IF (SELECT c.relname FROM pg_catalog.pg_class c WHERE c.oid = child) <> ` + name + ` THEN
        EXECUTE pg_catalog.format('ALTER INDEX %s RENAME TO %I', child, ` + name + `);
    END IF;
END
$autogen$`)
}

// SetIndexStatistics sets the statistics target of an index's expression
// key, by its position from 1 (ALTER INDEX ... ALTER COLUMN n SET
// STATISTICS); -1 sets the default back. PostgreSQL allows it on
// expression keys only.
type SetIndexStatistics struct {
	Schema string
	Index  string
	Column int
	Target int64
}

// Statements renders ALTER INDEX ... SET STATISTICS.
func (o SetIndexStatistics) Statements() ([]string, error) {
	if o.Index == "" || o.Column < 1 {
		return nil, invalid("SetIndexStatistics", "Index and a Column from 1 are required")
	}
	return one("ALTER INDEX " + QualifiedName(o.Schema, o.Index) + " ALTER COLUMN " + strconv.Itoa(o.Column) +
		" SET STATISTICS " + strconv.FormatInt(o.Target, 10))
}
