package settle

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// Verdict is what became of one disputed expression.
type Verdict int

// The verdicts.
const (
	// Unasked: no server was used (offline, or a read-only server), so the
	// offline comparison stands.
	Unasked Verdict = iota
	// Equal: the server's canonical form of the desired text equals the
	// database's; the readers only spelled it differently.
	Equal
	// Differs: the server confirms a real difference.
	Differs
	// Unchecked: the server could not build the expression (it calls a
	// function or uses a type the database does not have yet, or reads a
	// relation outside the managed schema); the offline comparison stands.
	Unchecked
)

func (v Verdict) String() string {
	switch v {
	case Equal:
		return "equal"
	case Differs:
		return "differs"
	case Unchecked:
		return "unchecked"
	}
	return "not asked"
}

// Item is one disputed expression.
type Item struct {
	// Kind says what the expression is: "default", "generated", "check",
	// "index key", "index predicate", "exclusion element", "exclusion
	// predicate", "view query", "policy USING", "policy WITH CHECK",
	// "trigger", "domain default", "domain check", "function body".
	Kind string
	// Object names the object that holds it: "column public.t.a".
	Object string
	// Desired and Current are the two canonical forms that differed offline.
	Desired, Current string
	// Server is the canonical form of the server's own text for the
	// desired expression, once the server was asked.
	Server  string
	Verdict Verdict
	// Reason says why an Unchecked expression could not be built.
	Reason string
}

// Report says what settling found.
type Report struct {
	// Compared counts the expressions that exist on both sides and were
	// compared offline.
	Compared int
	// Items are the disputed expressions: those whose offline canonical
	// forms differed.
	Items []Item
	// Approximate is set when no server settled the disputes; Reason says
	// why (--offline, a read-only server, ...).
	Approximate bool
	Reason      string
	// RoundTrips counts the round trips to the server: 1, or 0 when there
	// was nothing to ask or no server to ask.
	RoundTrips int
}

// Disputed returns the number of disputed expressions.
func (r *Report) Disputed() int { return len(r.Items) }

// Count returns the number of disputed expressions with the verdict.
func (r *Report) Count(v Verdict) int {
	n := 0
	for _, it := range r.Items {
		if it.Verdict == v {
			n++
		}
	}
	return n
}

// Summary describes the report in one line, for `-v` output.
func (r *Report) Summary() string {
	s := fmt.Sprintf("expressions: %d compared, %d disputed", r.Compared, r.Disputed())
	switch {
	case r.Approximate && r.Disputed() > 0:
		s += fmt.Sprintf(", not settled (%s): the comparison of these is approximate", r.Reason)
	case r.Approximate:
		s += fmt.Sprintf(" (no server asked: %s)", r.Reason)
	case r.Disputed() > 0:
		s += fmt.Sprintf(": the server found %d equal, %d different", r.Count(Equal), r.Count(Differs))
		if n := r.Count(Unchecked); n > 0 {
			s += fmt.Sprintf(", %d it could not build (compared offline)", n)
		}
	}
	return s
}

// Options steer Settle.
type Options struct {
	// Offline uses no server: disputes are counted and the offline
	// comparison stands.
	Offline bool
}

// Settle finds the expressions whose canonical forms differ between the
// current catalog (read from the database conn is connected to) and the
// desired one, asks the server to canonicalise the desired text, and
// replaces the desired expressions' canonical forms with what the server
// printed, read the way introspect reads it. The comparison that follows
// is then between two outputs of the same reader.
//
// The server is asked once for all disputes, inside a transaction that is
// always rolled back. Every probe builds temporary objects only: the
// tables and views an expression reads are replaced by temporary stand-ins
// of the same shape, so no lock is taken on a user's relation, and a
// lock_timeout bounds any other wait. When the server cannot be used (a
// read-only server, no privilege to create temporary objects) or
// o.Offline is set, the disputes are reported as approximate and the
// desired catalog is left as it is. Only a failed connection or a
// cancelled context is an error.
func Settle(ctx context.Context, conn *pgx.Conn, current, desired *model.Catalog, o Options) (*Report, error) {
	probes, compared := collect(current, desired)
	rep := &Report{Compared: compared}
	for _, p := range probes {
		for _, t := range p.targets {
			rep.Items = append(rep.Items, *t.item)
		}
	}
	switch {
	case o.Offline || conn == nil:
		rep.Approximate, rep.Reason = true, "offline"
		loosen(probes, rep)
		return rep, nil
	case len(probes) == 0:
		return rep, nil
	}
	out, err := run(ctx, conn, probes)
	rep.RoundTrips = 1
	if err != nil {
		var pe *pgconn.PgError
		if ctx.Err() != nil || !errors.As(err, &pe) {
			return nil, fmt.Errorf("settle: %w", err)
		}
		rep.Approximate, rep.Reason = true, serverReason(pe)
		loosen(probes, rep)
		return rep, nil
	}
	rep.Items = rep.Items[:0]
	for i, p := range probes {
		p.apply(out[i])
		for _, t := range p.targets {
			if t.item.Verdict == Unchecked {
				t.loosen()
			}
			rep.Items = append(rep.Items, *t.item)
		}
	}
	return rep, nil
}

// loosen applies the offline fallback (target.loosen) to every dispute
// when no server settled any, and reports the items again.
func loosen(probes []*probe, rep *Report) {
	rep.Items = rep.Items[:0]
	for _, p := range probes {
		for _, t := range p.targets {
			t.loosen()
			rep.Items = append(rep.Items, *t.item)
		}
	}
}

// loosen settles a dispute without the server when its two forms differ
// only in casts of column references (sqlnorm.LooseEqual): the desired
// form takes the current one, so no change is reported for what is most
// likely one expression spelled two ways. The comparison stays
// approximate, as the report says.
func (t *target) loosen() {
	if sqlnorm.LooseEqual(t.item.Desired, t.item.Current) {
		t.set(t.item.Current)
		t.item.Reason = strings.TrimPrefix(t.item.Reason+"; ", "; ") + "equal but for casts of columns, which only the server tells apart"
	}
}

// serverReason explains why the server could not settle anything.
func serverReason(pe *pgconn.PgError) string {
	switch {
	case pe.Code == "25006":
		return "the server is read-only"
	case pe.Code == "42501":
		return "no privilege to create temporary objects: " + pe.Message
	}
	return "the server refused: " + pe.Message
}

// target is one expression a probe settles.
type target struct {
	item *Item
	// output is an SQL expression of type text, evaluated once the probe's
	// objects exist: what the server prints for the expression.
	output string
	// read turns the printed text into a model expression.
	read func(text string, p *probe) (*model.Expr, error)
	// set stores the canonical form in the desired catalog.
	set func(canon string)
}

// probe is the temporary objects that let the server print one object's
// disputed expressions.
type probe struct {
	env     *env
	setup   []string
	targets []*target
	// err is set when the probe could not even be written (a relation
	// outside the schema); the targets stay Unchecked.
	err error
	// columns are the shadows' columns as the server created them, by
	// shadow name, once the server answered.
	columns map[string][]string
}

// result is what the server returned for one probe.
type result struct {
	outputs []*string
	// columns of each shadow, by shadow name.
	columns map[string][]string
	err     string
}

// apply reads what the server printed and settles the probe's targets.
func (p *probe) apply(res result) {
	fail := func(reason string) {
		for _, t := range p.targets {
			t.item.Verdict, t.item.Reason = Unchecked, reason
		}
	}
	switch {
	case p.err != nil:
		fail(p.err.Error())
		return
	case res.err != "":
		fail(res.err)
		return
	}
	p.columns = res.columns
	for i, t := range p.targets {
		if i >= len(res.outputs) || res.outputs[i] == nil {
			t.item.Verdict, t.item.Reason = Unchecked, "the server printed nothing"
			continue
		}
		e, err := t.read(*res.outputs[i], p)
		if err != nil {
			t.item.Verdict, t.item.Reason = Unchecked, "reading what the server printed: "+err.Error()
			continue
		}
		t.set(e.Canon)
		t.item.Server = e.Canon
		if e.Canon == t.item.Current {
			t.item.Verdict = Equal
		} else {
			t.item.Verdict = Differs
		}
	}
}

// short trims a canonical form for reports.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}
