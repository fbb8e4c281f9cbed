// Package plan turns the changes of package diff into the operations of
// package op that a revision applies, choosing lock-friendly forms when
// asked to, and reports the hazards of each step.
package plan

import (
	"strings"

	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
)

// Options steer how changes become operations.
type Options struct {
	// Online uses forms that avoid long write-blocking locks on tables that
	// hold rows: CREATE/DROP INDEX CONCURRENTLY, constraints added NOT
	// VALID and validated separately, SET NOT NULL through a validated
	// check.
	Online bool
	// Partitioned lists the partitioned tables: PostgreSQL cannot build or
	// drop their indexes CONCURRENTLY, so they keep the plain forms.
	Partitioned map[model.Name]bool
	// Downgrade marks the plan of a downgrade, whose re-created tables and
	// columns come back empty; their steps say so.
	Downgrade bool
	// FromDomains and ToDomains map the domains of the catalog the plan
	// starts from and of the one it goes to (DomainBases) to their base
	// types, so that a column's type change from or to a domain is judged
	// by the base: leaving a domain over numeric(12,4) for numeric(12,2)
	// rounds.
	FromDomains, ToDomains map[string]string
}

// DomainBases maps each domain of a catalog, by qualified name, to its
// base type, for Options.FromDomains and ToDomains.
func DomainBases(c *model.Catalog) map[string]string {
	out := map[string]string{}
	for _, d := range c.Domains {
		out[op.QualifiedName(d.Name.Schema, d.Name.Name)] = d.Type
	}
	return out
}

// PartitionedTables returns the partitioned tables of the catalogs, for
// Options.Partitioned.
func PartitionedTables(cats ...*model.Catalog) map[model.Name]bool {
	out := map[model.Name]bool{}
	for _, c := range cats {
		for _, t := range c.Tables {
			if t.PartitionBy != nil {
				out[t.Name] = true
			}
		}
	}
	return out
}

// Step is the operations of one change.
type Step struct {
	Change diff.Change
	// Comment says what was detected, for the generated code.
	Comment string
	// Notes are further remarks, such as data that does not return.
	Notes []string
	Ops   []op.Operation
	// Hazards are the hazards of the step's operations, in order;
	// OpHazards holds them per operation (OpHazards[i] for Ops[i]).
	Hazards   []op.Hazard
	OpHazards [][]op.Hazard
}

// Plan is an ordered list of steps. The runtime runs them as segments
// (see revision.Split): transactions separated by op.Commit and by the
// operations that cannot run in a transaction block, each alone.
type Plan struct {
	Steps []Step
}

// Ops returns every operation of the plan in order.
func (p *Plan) Ops() []op.Operation {
	var out []op.Operation
	for _, s := range p.Steps {
		out = append(out, s.Ops...)
	}
	return out
}

// SQL renders the plan's statements.
func (p *Plan) SQL() ([]string, error) { return op.SQL(p.Ops()...) }

// Hazards returns every hazard of the plan.
func (p *Plan) Hazards() []op.Hazard {
	var out []op.Hazard
	for _, s := range p.Steps {
		out = append(out, s.Hazards...)
	}
	return out
}

// enumValueUsed reports whether an operation after ops[i], an
// AddEnumValue, names that enum type or value.
func enumValueUsed(ops []op.Operation, i int) bool {
	av := ops[i].(op.AddEnumValue)
	typ := op.QualifiedName(av.Schema, av.Type)
	for _, later := range ops[i+1:] {
		if _, ok := later.(op.AddEnumValue); ok {
			continue
		}
		stmts, err := later.Statements()
		if err != nil {
			continue
		}
		for _, s := range stmts {
			if strings.Contains(s, typ) || strings.Contains(s, op.QuoteLiteral(av.Value)) {
				return true
			}
		}
	}
	return false
}

// commitEnumValues ends the transaction after each run of enum values of
// which later operations use one: a value added to an enum cannot be used
// in the transaction that adds it.
func commitEnumValues(p *Plan) {
	var all []op.Operation
	for _, s := range p.Steps {
		all = append(all, s.Ops...)
	}
	n := 0     // index in all of the operation being looked at
	used := "" // a value of the current run that is used later
	for si := range p.Steps {
		st := &p.Steps[si]
		for i := 0; i < len(st.Ops); i++ {
			av, ok := st.Ops[i].(op.AddEnumValue)
			n++
			if !ok {
				continue
			}
			if used == "" && enumValueUsed(all, n-1) {
				used = av.Value
			}
			if used == "" {
				continue
			}
			// Commit after the last enum value of the run.
			if n < len(all) {
				if _, ok := all[n].(op.AddEnumValue); ok {
					continue
				}
			}
			commit := op.Commit{Reason: "enum value " + used + " is used below, which the transaction that adds it cannot do"}
			st.Ops = append(st.Ops[:i+1], append([]op.Operation{commit}, st.Ops[i+1:]...)...)
			i++
			used = ""
		}
	}
}

// Build turns ordered changes into a plan.
func Build(changes []diff.Change, o Options) (*Plan, error) {
	p := &Plan{}
	needBodyCheckOff := false
	for _, c := range changes {
		ops, err := operations(c, o)
		if err != nil {
			return nil, err
		}
		if cf, ok := c.(diff.CreateFunction); ok && (strings.EqualFold(cf.Function.Language, "sql") || strings.EqualFold(cf.Function.Language, "plpgsql")) {
			needBodyCheckOff = true
		}
		st := Step{Change: c, Comment: c.Describe(), Ops: ops}
		if o.Downgrade {
			switch c := c.(type) {
			case diff.AddColumn:
				st.Notes = append(st.Notes, "the column comes back empty: the upgrade dropped its data")
			case diff.CreateTable:
				if c.RowsFrom == nil && !c.Routed {
					st.Notes = append(st.Notes, "the table comes back empty: the upgrade dropped its rows")
				}
			}
		}
		p.Steps = append(p.Steps, st)
	}
	if needBodyCheckOff {
		// SQL and PL/pgSQL bodies are checked when created, a PL/pgSQL
		// declaration's %ROWTYPE or composite type included; a function
		// may name a table or type this revision creates later. pg_dump's
		// output turns the check off the same way.
		p.Steps = append([]Step{{Comment: "function bodies are not checked when created: they may name what this revision creates later",
			Ops: []op.Operation{op.SetLocal{Name: "check_function_bodies", Value: "off"}}}}, p.Steps...)
	}
	commitEnumValues(p)
	// Hazards depend on the whole list: a table created earlier holds no
	// rows.
	var all []op.Operation
	var stepOf []int
	for i, s := range p.Steps {
		for _, x := range s.Ops {
			all = append(all, x)
			stepOf = append(stepOf, i)
		}
	}
	first := make([]int, len(p.Steps)) // index in all of each step's first operation
	for i := range p.Steps {
		p.Steps[i].OpHazards = make([][]op.Hazard, len(p.Steps[i].Ops))
		if i > 0 {
			first[i] = first[i-1] + len(p.Steps[i-1].Ops)
		}
	}
	for _, f := range op.Analyze(all) {
		i := stepOf[f.Index]
		s := &p.Steps[i]
		s.Hazards = append(s.Hazards, f.Hazard)
		s.OpHazards[f.Index-first[i]] = append(s.OpHazards[f.Index-first[i]], f.Hazard)
	}
	for i := range p.Steps {
		s := &p.Steps[i]
		if s.Change == nil || len(s.Ops) == 0 {
			continue
		}
		if id, cause, ok := diff.Recreation(s.Change); ok {
			h := op.Hazard{Kind: op.Recreates, Message: "recreates " + id.String() + " (it " + cause + "): its users wait until the transaction commits"}
			s.Hazards = append(s.Hazards, h)
			s.OpHazards[0] = append(s.OpHazards[0], h)
		}
	}
	return p, nil
}
