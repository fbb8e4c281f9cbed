package op

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// DefaultBatchSize is the number of rows a [Backfill] updates per
// transaction when BatchSize is not set.
const DefaultBatchSize = 1000

// Backfill fills or rewrites a column of a large table in batches: it
// updates BatchSize rows per transaction, in key order, until no row with
// a higher key matches Where, and reports its progress after each batch.
// Each batch holds its row locks only until it commits, so the application
// keeps writing to the table meanwhile; a single UPDATE of every row would
// lock them all until the end and bloat the table in one go.
//
// Backfill belongs to the middle revision of the expand / backfill /
// contract pattern, which changes a column without downtime:
//
//  1. Expand: add the new column as nullable (or with a constant default),
//     plus whatever keeps it up to date for new writes: the application
//     writes both columns, or a trigger copies.
//
//  2. Backfill: copy the existing rows over, in batches, with this
//     operation, which runs as a segment of its own, outside a
//     transaction:
//
//     op.Backfill{Schema: "public", Table: "users", Set: "email_lower = lower(email)",
//     Where: "email_lower IS NULL", Key: []string{"id"}, BatchSize: 5000}
//
//  3. Contract: once every row is filled and every reader uses the new
//     column, make it NOT NULL (online, through a validated check) and
//     drop the old one.
//
// Each revision is deployed on its own, so that no step holds a long lock
// and each can be rolled back.
//
// Rows are visited once each, in Key order. A row inserted behind the
// current position while the backfill runs is not visited again: the
// expand step must make new writes fill the column. Where should stop
// matching a row once it is updated (email_lower IS NULL), so that running
// the revision again after an interruption only does the rest.
//
// Offline (--sql), Backfill renders as a DO block that loops over the same
// batches and commits after each, which psql runs outside a transaction
// block as the non-transactional revision requires.
type Backfill struct {
	Schema string
	Table  string
	// Set is the SET clause, as "email_lower = lower(email)".
	Set string
	// Where selects the rows still to update; empty means every row.
	Where string
	// Key lists the columns that identify a row and order the batches,
	// usually the primary key.
	Key []string
	// BatchSize is the number of rows per batch; 0 means
	// DefaultBatchSize.
	BatchSize int
	// Pause waits between batches, for replicas to keep up.
	Pause time.Duration
}

// NonTransactional reports true: every batch commits on its own.
func (o Backfill) NonTransactional() bool { return true }

// Hazards: the old values are overwritten.
func (o Backfill) Hazards() []Hazard {
	return []Hazard{{Irreversible, "backfill overwrites " + o.Set + " in rows of " + o.Table + "; a downgrade does not restore the old values"}}
}

func (o Backfill) validate() error {
	if o.Table == "" || strings.TrimSpace(o.Set) == "" || len(o.Key) == 0 {
		return invalid("Backfill", "Table, Set and Key are required")
	}
	if o.BatchSize < 0 {
		return invalid("Backfill", "BatchSize must not be negative")
	}
	return nil
}

func (o Backfill) batchSize() int {
	if o.BatchSize == 0 {
		return DefaultBatchSize
	}
	return o.BatchSize
}

// batchSQL renders the statement that updates one batch. after is the SQL
// of the lower bound of the keys ("($1, $2)"), or "" for the first batch.
// It returns one row: the rows updated, the rows in the batch, and the
// last key of the batch (NULLs when the batch is empty).
func (o Backfill) batchSQL(after string) string {
	table := QualifiedName(o.Schema, o.Table)
	keys := identList(o.Key)
	where := "true"
	if strings.TrimSpace(o.Where) != "" {
		where = "(" + o.Where + ")"
	}
	bound := ""
	if after != "" {
		bound = " AND (" + keys + ") > " + after
	}
	desc := make([]string, len(o.Key))
	for i, k := range o.Key {
		desc[i] = QuoteIdent(k) + " DESC"
	}
	return "WITH batch AS (SELECT " + keys + " FROM " + table + " WHERE " + where + bound +
		" ORDER BY " + keys + " LIMIT " + fmt.Sprint(o.batchSize()) + "), " +
		"updated AS (UPDATE " + table + " SET " + o.Set + " WHERE (" + keys + ") IN (SELECT " + keys + " FROM batch) AND " + where + " RETURNING 1) " +
		"SELECT (SELECT count(*) FROM updated), (SELECT count(*) FROM batch), last.* FROM (SELECT 1) one LEFT JOIN " +
		"(SELECT " + keys + " FROM batch ORDER BY " + strings.Join(desc, ", ") + " LIMIT 1) last ON true"
}

// Run updates batch after batch, each in a transaction of its own, until a
// batch finds no row, reporting progress after each.
func (o Backfill) Run(ctx context.Context, db DB) error {
	if err := o.validate(); err != nil {
		return err
	}
	name := "backfill " + QualifiedName(o.Schema, o.Table)
	params := make([]string, len(o.Key))
	for i := range params {
		params[i] = fmt.Sprintf("$%d", i+1)
	}
	var (
		last  []any
		total int64
		steps int
	)
	for {
		sql := o.batchSQL("")
		if last != nil {
			sql = o.batchSQL("(" + strings.Join(params, ", ") + ")")
		}
		var updated, found int64
		next := make([]any, len(o.Key))
		dest := []any{&updated, &found}
		for i := range next {
			dest = append(dest, &next[i])
		}
		if err := db.QueryRow(ctx, sql, last...).Scan(dest...); err != nil {
			return fmt.Errorf("%s, batch %d: %w", name, steps+1, err)
		}
		if found == 0 {
			db.Report(Progress{Operation: name, Rows: total, Steps: steps, Done: true})
			return nil
		}
		total += updated
		steps++
		last = next
		db.Report(Progress{Operation: name, Rows: total, Steps: steps})
		if o.Pause > 0 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(o.Pause):
			}
		}
	}
}

// Statements renders the backfill as a DO block that runs the same
// batches, committing after each: offline output has no loop of its own.
func (o Backfill) Statements() ([]string, error) {
	if err := o.validate(); err != nil {
		return nil, err
	}
	// The block keeps the last key in variables typed like the key
	// columns, named so that they cannot clash with column names.
	table := QualifiedName(o.Schema, o.Table)
	var decl, vars []string
	for i, k := range o.Key {
		v := fmt.Sprintf("autogen_last_%d", i+1)
		vars = append(vars, v)
		decl = append(decl, "  "+v+" "+table+"."+QuoteIdent(k)+"%TYPE;")
	}
	first, next := o.batchSQL(""), o.batchSQL("("+strings.Join(vars, ", ")+")")
	into := "autogen_updated, autogen_found, " + strings.Join(vars, ", ")
	body := strings.Join([]string{
		"DECLARE",
		strings.Join(decl, "\n"),
		"  autogen_updated bigint;",
		"  autogen_found bigint;",
		"  autogen_first boolean := true;",
		"BEGIN",
		"  LOOP",
		"    IF autogen_first THEN",
		"      " + first + " INTO " + into + ";",
		"    ELSE",
		"      " + next + " INTO " + into + ";",
		"    END IF;",
		"    EXIT WHEN autogen_found = 0;",
		"    autogen_first := false;",
		"    COMMIT;",
		"  END LOOP;",
		"END",
	}, "\n")
	return []string{"DO " + DollarQuote(body)}, nil
}
