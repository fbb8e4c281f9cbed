package settle

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/introspect"
	"github.com/autogen-dev/autogen/op"
)

// lockTimeout bounds any lock wait of the probes. They lock nothing but
// their own temporary objects; the timeout is a guard, not a wait budget.
const lockTimeout = "2s"

// rollbackState is the SQLSTATE a probe raises to undo its objects once
// they have been printed.
const rollbackState = "AGSTL"

// script is the SQL sent in one round trip: a transaction that creates a
// temporary function running every probe, calls it, and rolls back.
func script(probes []*probe) string {
	var b strings.Builder
	b.WriteString("BEGIN;\n")
	for _, s := range introspect.SessionSettings {
		b.WriteString("SET LOCAL " + s + ";\n")
	}
	b.WriteString("SET LOCAL lock_timeout = '" + lockTimeout + "';\n")
	b.WriteString("CREATE FUNCTION pg_temp.autogen_settle()\n" +
		"RETURNS TABLE (r_probe integer, r_outputs text, r_columns text, r_error text)\n" +
		"LANGUAGE plpgsql AS " + op.DollarQuote(body(probes)) + ";\n")
	b.WriteString("SELECT r_probe, r_outputs, r_columns, r_error FROM pg_temp.autogen_settle();\n")
	b.WriteString("ROLLBACK;\n")
	return b.String()
}

// columnsQuery lists the columns of the probe's temporary relations as a
// JSON object, relation name to column names.
const columnsQuery = `(SELECT pg_catalog.json_object_agg(cl.relname,
	(SELECT pg_catalog.json_agg(a.attname ORDER BY a.attnum) FROM pg_catalog.pg_attribute a
	 WHERE a.attrelid = cl.oid AND a.attnum > 0 AND NOT a.attisdropped))
	FROM pg_catalog.pg_class cl
	WHERE cl.relnamespace = pg_catalog.pg_my_temp_schema() AND cl.relkind IN ('r', 'v'))::text`

// body is the PL/pgSQL body of the function: each probe in a block of its
// own (a subtransaction), which builds the objects, keeps what the server
// prints in variables, and raises rollbackState so that nothing of it
// outlives the block; any other error is the probe's result instead.
func body(probes []*probe) string {
	var b strings.Builder
	b.WriteString("DECLARE\n  o text[];\n  c text;\n  e text;\nBEGIN\n")
	for i, p := range probes {
		if p.err != nil {
			continue
		}
		b.WriteString("  o := NULL; c := NULL; e := NULL;\n  BEGIN\n")
		for _, s := range append(append([]string(nil), p.env.stmts...), p.setup...) {
			b.WriteString("    EXECUTE " + pgsql.QuoteLiteral(s) + ";\n")
		}
		outs := make([]string, len(p.targets))
		for j, t := range p.targets {
			outs[j] = t.output
		}
		b.WriteString("    o := ARRAY[" + strings.Join(outs, ",\n      ") + "]::text[];\n")
		b.WriteString("    c := " + columnsQuery + ";\n")
		b.WriteString("    RAISE EXCEPTION USING ERRCODE = '" + rollbackState + "';\n")
		b.WriteString("  EXCEPTION\n    WHEN SQLSTATE '" + rollbackState + "' THEN NULL;\n    WHEN OTHERS THEN e := SQLERRM;\n  END;\n")
		b.WriteString("  r_probe := " + strconv.Itoa(i) + "; r_outputs := pg_catalog.to_json(o)::text; r_columns := c; r_error := e;\n")
		b.WriteString("  RETURN NEXT;\n")
	}
	b.WriteString("END\n")
	return b.String()
}

// run sends the script and returns each probe's result.
func run(ctx context.Context, conn *pgx.Conn, probes []*probe) ([]result, error) {
	out := make([]result, len(probes))
	results, err := conn.PgConn().Exec(ctx, script(probes)).ReadAll()
	if err != nil {
		// A failed statement leaves the transaction open and aborted.
		_, rbErr := conn.PgConn().Exec(context.WithoutCancel(ctx), "ROLLBACK").ReadAll()
		return nil, errors.Join(err, rbErr)
	}
	var rows [][][]byte
	for _, r := range results {
		if len(r.FieldDescriptions) == 4 {
			rows = r.Rows
		}
	}
	for _, row := range rows {
		i, err := strconv.Atoi(string(row[0]))
		if err != nil || i < 0 || i >= len(out) {
			return nil, fmt.Errorf("settle: unexpected probe number %q", row[0])
		}
		var res result
		if row[1] != nil {
			if err := json.Unmarshal(row[1], &res.outputs); err != nil {
				return nil, fmt.Errorf("settle: reading the outputs of probe %d: %w", i, err)
			}
		}
		if row[2] != nil {
			if err := json.Unmarshal(row[2], &res.columns); err != nil {
				return nil, fmt.Errorf("settle: reading the columns of probe %d: %w", i, err)
			}
		}
		if row[3] != nil {
			res.err = string(row[3])
		}
		out[i] = res
	}
	return out, nil
}
