package op

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
)

// StashRows and RestoreRows rewrite a table, around a drop and a create of
// it, to put its columns in another order: PostgreSQL appends added
// columns and cannot move one, so the only way to the order schema.sql
// gives (when autogen.toml asks for exact column order) is a new table.
// StashRows copies the rows into a temporary table, with the position of
// every identity or serial column's sequence, before DropTable (with
// RowsStashed); RestoreRows copies them into the new table, sets the
// sequences where they were and drops the copies. Both run in one
// transaction, on one connection. Only the table's own rows are copied
// (SELECT ... FROM ONLY): a partition tree is rewritten partition by
// partition, and a partitioned table keeps no rows of its own, only its
// sequences' positions.
type StashRows struct {
	Schema string
	Table  string
	// Sequences are the columns whose sequence (identity or serial) keeps
	// its position.
	Sequences []string
	// ForKey says the table is rewritten because a partition key's column
	// changes type (its hazard says so), not for its columns' order.
	ForKey bool
	// Reshape says the table's rows go into a partition tree created
	// anew, since its partitioning, or its tree's, changes; a row that no
	// partition of the new tree accepts fails the revision.
	Reshape bool
	// Lost lists the columns whose values the new table has no column
	// for.
	Lost []string
	// Columns lists every column of the table when Casts keeps some in
	// another type: the copy then reads them one by one.
	Columns []string
	// Casts are the columns kept in another type, their text form, since
	// their own type is swapped in the same revision: a copy of the old
	// type would keep it from being dropped.
	Casts []ColumnCast
}

// ColumnCast is a column read as another type.
type ColumnCast struct {
	Column string
	Type   string
}

// stashNames returns the temporary tables that hold a table's rows and its
// sequences' positions: named after a hash of the table's name, so that
// rewrites of several tables in one revision do not collide.
func stashNames(schema, table string) (rows, seqs string) {
	h := sha1.Sum([]byte(schema + "." + table))
	id := hex.EncodeToString(h[:6])
	return QualifiedName("pg_temp", "autogen_rows_"+id), QualifiedName("pg_temp", "autogen_seqs_"+id)
}

// Statements renders the copies.
func (o StashRows) Statements() ([]string, error) {
	if o.Table == "" {
		return nil, invalid("StashRows", "Table is empty")
	}
	rows, seqs := stashNames(o.Schema, o.Table)
	table := QualifiedName(o.Schema, o.Table)
	sel := "*"
	if len(o.Casts) > 0 {
		if len(o.Columns) == 0 {
			return nil, invalid("StashRows", "Casts needs Columns")
		}
		items := make([]string, len(o.Columns))
		for i, c := range o.Columns {
			items[i] = QuoteIdent(c)
			for _, k := range o.Casts {
				if k.Column == c {
					items[i] += "::" + k.Type + " AS " + QuoteIdent(c)
				}
			}
		}
		sel = strings.Join(items, ", ")
	}
	out := []string{"CREATE TEMPORARY TABLE " + rows + " AS SELECT " + sel + " FROM ONLY " + table}
	if len(o.Sequences) > 0 {
		vals := make([]string, len(o.Sequences))
		for i, c := range o.Sequences {
			vals[i] = "(" + QuoteLiteral(c) + ")"
		}
		out = append(out, "CREATE TEMPORARY TABLE "+seqs+" AS\n"+
			"SELECT c.col, pg_catalog.pg_get_serial_sequence("+QuoteLiteral(table)+", c.col) AS seq, s.last_value\n"+
			"FROM (VALUES "+strings.Join(vals, ", ")+") AS c(col)\n"+
			"LEFT JOIN pg_catalog.pg_sequences s ON pg_catalog.format('%I.%I', s.schemaname, s.sequencename) = pg_catalog.pg_get_serial_sequence("+QuoteLiteral(table)+", c.col)")
	}
	return out, nil
}

// Hazards: the whole table is copied twice while it is locked; rows
// routed into a new partitioning may find no partition; the values of a
// column the new table lacks are lost.
func (o StashRows) Hazards() []Hazard {
	why := "to put its columns in schema.sql's order"
	switch {
	case o.Reshape:
		why = "to create its partition tree anew (its partitioning, or the type of its key's column, changes: PostgreSQL can change neither in place)"
	case o.ForKey:
		why = "to change the type of a partition key's column, which PostgreSQL cannot alter"
	}
	out := []Hazard{{RewritesTable, "rewrites table " + o.Table + " " + why + ": " +
		"its rows are copied out and back while it is locked (ACCESS EXCLUSIVE) until the revision commits"}}
	if o.Reshape {
		out = append(out, Hazard{MayFail, "the rows of " + o.Table + " are routed into the tree created anew: " +
			"a row that no partition accepts fails the revision, which then rolls back"})
	}
	if len(o.Lost) > 0 {
		out = append(out, Hazard{DeletesData, "the values of column(s) " + strings.Join(o.Lost, ", ") + " of " + o.Table +
			" are not kept: the table created again has no such column"})
	}
	return out
}

// RestoreRows copies the rows StashRows kept into the table created again,
// sets the sequences back, and drops the copies.
type RestoreRows struct {
	Schema string
	Table  string
	// Columns are the columns copied: those of the old table that the new
	// one has and does not generate.
	Columns []string
	// Select gives, in the order of Columns, the expression each column's
	// value is read with from the kept rows (a conversion when its type
	// changes); empty, the columns are read as they are.
	Select []string
	// Sequences are the columns StashRows kept sequence positions of.
	Sequences []string
	// FromSchema and FromTable name the table whose rows StashRows kept,
	// when it is not this one: a table of a tree partitioned anew, whose
	// rows go into the new tree's root.
	FromSchema, FromTable string
}

// Statements renders the copy back.
func (o RestoreRows) Statements() ([]string, error) {
	if o.Table == "" {
		return nil, invalid("RestoreRows", "Table is empty")
	}
	rows, seqs := stashNames(o.Schema, o.Table)
	if o.FromTable != "" {
		rows, seqs = stashNames(o.FromSchema, o.FromTable)
	}
	table := QualifiedName(o.Schema, o.Table)
	var out []string
	if len(o.Select) > 0 && len(o.Select) != len(o.Columns) {
		return nil, invalid("RestoreRows", "Select must list an expression for each of Columns")
	}
	if len(o.Columns) > 0 {
		cols, sel := identList(o.Columns), identList(o.Columns)
		if len(o.Select) > 0 {
			sel = strings.Join(o.Select, ", ")
		}
		out = append(out, "INSERT INTO "+table+" ("+cols+") OVERRIDING SYSTEM VALUE SELECT "+sel+" FROM "+rows)
	}
	drop := "DROP TABLE " + rows
	if len(o.Sequences) > 0 {
		// An identity column's new sequence is found through the new
		// table; a serial column's sequence is created again under its
		// old name.
		out = append(out, "SELECT pg_catalog.setval(coalesce(pg_catalog.pg_get_serial_sequence("+QuoteLiteral(table)+
			", col), seq)::regclass, last_value) FROM "+seqs+" WHERE last_value IS NOT NULL")
		drop += ", " + seqs
	}
	return append(out, drop), nil
}
