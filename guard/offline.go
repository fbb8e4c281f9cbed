package guard

import (
	"fmt"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/op"
)

// DO renders the probes of the given operations of ops (positions, as
// Targets and Check return them) as one DO block, for offline SQL: it
// raises an exception naming what runs (label, such as "upgrade a1b2"),
// the operation and an example when a probe finds data, which stops psql (with ON_ERROR_STOP) before
// anything is lost. As online, a probe whose table or column does not
// exist, or that a value makes fail, finds nothing; an operation that
// declares no probe raises unconditionally. It returns "" when there is
// nothing to check.
func DO(label string, ops []op.Operation, positions []int) string {
	var b strings.Builder
	for _, f := range Targets(ops) {
		if !slices.Contains(positions, f.Index) {
			continue
		}
		what := fmt.Sprintf("operation %d (%T): %s", f.Index+1, ops[f.Index], f.Hazard.Message)
		probes := probesFor(ops[f.Index], f.Hazard)
		if len(probes) == 0 {
			fmt.Fprintf(&b, "  RAISE EXCEPTION 'autogen: refusing to run %%: it may lose data: %%', %s, %s\n    USING HINT = %s;\n",
				op.QuoteLiteral(label), op.QuoteLiteral(what+" (the operation declares no probe, so autogen cannot tell what it would lose)"), hint)
			continue
		}
		for _, p := range probes {
			fmt.Fprintf(&b, "  -- %s\n", strings.ReplaceAll(p.What, "\n", " "))
			b.WriteString("  BEGIN\n")
			fmt.Fprintf(&b, "    EXECUTE %s INTO example;\n", op.QuoteLiteral(p.SQL))
			b.WriteString("  EXCEPTION WHEN undefined_table OR undefined_column OR invalid_schema_name OR undefined_object OR undefined_function OR data_exception THEN\n    example := NULL;\n  END;\n")
			fmt.Fprintf(&b, "  IF example IS NOT NULL THEN\n    RAISE EXCEPTION 'autogen: refusing to run %%: it would lose data: %%; for example: %%', %s, %s, example\n      USING HINT = %s;\n  END IF;\n",
				op.QuoteLiteral(label), op.QuoteLiteral(what), hint)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "DO " + op.DollarQuote("\nDECLARE\n  example text;\nBEGIN\n"+b.String()+"END\n")
}

// hint is the way out a refusal names.
var hint = op.QuoteLiteral("nothing ran; if the loss is intended, acknowledge it in the revision (AllowHazards: []op.HazardKind{op.DeletesData}) or render the SQL again with --allow-destructive")
