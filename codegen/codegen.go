// Package codegen writes revision files: Go source, built with jennifer, that
// registers a revision whose upgrade and downgrade apply op values. It is a
// pure function of its input ([Generate]); writing files is the caller's job.
package codegen

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/dave/jennifer/jen"

	"github.com/autogen-dev/autogen/internal/plan"
	"github.com/autogen-dev/autogen/op"
)

// Import paths of the runtime packages generated files use.
const (
	opPath       = "github.com/autogen-dev/autogen/op"
	revisionPath = "github.com/autogen-dev/autogen/revision"
)

// Spec describes one revision file.
type Spec struct {
	// Package is the Go package name of the revisions directory.
	Package      string
	ID           string
	Parents      []string
	DependsOn    []string
	BranchLabels []string
	Message      string
	Created      time.Time
	// NoTransaction marks the revision non-transactional.
	NoTransaction    bool
	LockTimeout      time.Duration
	StatementTimeout time.Duration
	LockRetries      int
	AllowHazards     []op.HazardKind
	// Upgrade and Downgrade are the bodies; nil means an empty body for
	// the user to fill in.
	Upgrade   []Step
	Downgrade []Step
	// Header replaces the default header comment when not empty.
	Header string
}

// Step is a group of operations with a comment saying what was detected.
type Step struct {
	// Comment is the first comment line, as "orders: add column status".
	Comment string
	// Notes are further comment lines, such as warnings.
	Notes []string
	Ops   []op.Operation
	// Hazards, when set, holds the hazards of each operation
	// (Hazards[i] for Ops[i]); each becomes a comment line on its call.
	Hazards [][]op.Hazard
}

// FromPlan returns the steps of a plan, each operation with its hazards.
func FromPlan(p *plan.Plan) []Step {
	var out []Step
	for _, s := range p.Steps {
		out = append(out, Step{Comment: s.Comment, Notes: s.Notes, Ops: s.Ops, Hazards: s.OpHazards})
	}
	return out
}

// Header returns the default header comment of a revision file, as
// Alembic's docstring: the message, then Revision ID, Revises and Create
// Date.
func Header(s Spec) string {
	msg := s.Message
	if msg == "" {
		msg = "(no message)"
	}
	var b strings.Builder
	b.WriteString(msg + "\n\nRevision ID: " + s.ID + "\nRevises: " + strings.Join(s.Parents, ", ") + "\n")
	if len(s.DependsOn) > 0 {
		b.WriteString("Depends on: " + strings.Join(s.DependsOn, ", ") + "\n")
	}
	b.WriteString("Create Date: " + s.Created.Format("2006-01-02 15:04:05.000000"))
	return b.String()
}

// Generate renders the revision file for s, gofmt-formatted.
func Generate(s Spec) ([]byte, error) {
	if s.Package == "" || s.ID == "" {
		return nil, fmt.Errorf("codegen: Package and ID are required")
	}
	f := jen.NewFile(s.Package)
	f.ImportName(opPath, "op")
	f.ImportName(revisionPath, "revision")
	header := s.Header
	if header == "" {
		header = Header(s)
	}

	fields := []jen.Code{
		field("ID", jen.Lit(s.ID)),
	}
	if len(s.Parents) > 0 {
		fields = append(fields, field("Revises", strings_(s.Parents)))
	}
	if len(s.DependsOn) > 0 {
		fields = append(fields, field("DependsOn", strings_(s.DependsOn)))
	}
	if len(s.BranchLabels) > 0 {
		fields = append(fields, field("BranchLabels", strings_(s.BranchLabels)))
	}
	fields = append(fields, field("Message", jen.Lit(s.Message)))
	if s.NoTransaction {
		fields = append(fields, field("NoTransaction", jen.True()))
	}
	if s.LockTimeout > 0 {
		fields = append(fields, field("LockTimeout", duration(s.LockTimeout)))
	}
	if s.StatementTimeout > 0 {
		fields = append(fields, field("StatementTimeout", duration(s.StatementTimeout)))
	}
	if s.LockRetries > 0 {
		fields = append(fields, field("LockRetries", jen.Lit(s.LockRetries)))
	}
	if len(s.AllowHazards) > 0 {
		var ks []jen.Code
		for _, k := range s.AllowHazards {
			ks = append(ks, hazardConst(k))
		}
		fields = append(fields, field("AllowHazards", jen.Index().Qual(opPath, "HazardKind").Values(ks...)))
	}
	up, err := body(s.Upgrade)
	if err != nil {
		return nil, err
	}
	down, err := body(s.Downgrade)
	if err != nil {
		return nil, err
	}
	fields = append(fields, field("Upgrade", up), field("Downgrade", down))

	f.Func().Id("init").Params().Block(
		jen.Id("Registry").Dot("Add").Call(
			jen.Op("&").Qual(revisionPath, "Revision").Custom(multi("{", "}"), fields...),
		),
	)
	var buf bytes.Buffer
	// The header is written as line comments, as Go files carry them;
	// jennifer would use a block comment for several lines.
	for _, l := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		buf.WriteString(strings.TrimRight("// "+commentText(l), " ") + "\n")
	}
	buf.WriteString("\n")
	if err := f.Render(&buf); err != nil {
		return nil, fmt.Errorf("codegen: %w", err)
	}
	return buf.Bytes(), nil
}

func field(name string, v jen.Code) jen.Code { return jen.Id(name).Op(":").Add(v) }

func strings_(ss []string) jen.Code {
	var items []jen.Code
	for _, s := range ss {
		items = append(items, jen.Lit(s))
	}
	return jen.Index().String().Values(items...)
}

func duration(d time.Duration) jen.Code {
	switch {
	case d%time.Second == 0:
		return jen.Lit(int(d/time.Second)).Op("*").Qual("time", "Second")
	default:
		return jen.Lit(int(d/time.Millisecond)).Op("*").Qual("time", "Millisecond")
	}
}

func multi(open, close string) jen.Options {
	return jen.Options{Open: open, Close: close, Separator: ",", Multi: true}
}

// body renders `func(ctx context.Context, m *revision.Migration) error`
// applying the steps' operations in order.
func body(steps []Step) (jen.Code, error) {
	sig := jen.Func().Params(
		jen.Id("ctx").Qual("context", "Context"),
		jen.Id("m").Op("*").Qual(revisionPath, "Migration"),
	).Error()
	var args []jen.Code
	for _, st := range steps {
		for i, o := range st.Ops {
			lit, err := GoCode(o)
			if err != nil {
				return nil, err
			}
			var lines []string
			if i == 0 {
				lines = append([]string{st.Comment}, st.Notes...)
			}
			if i < len(st.Hazards) {
				for _, h := range st.Hazards[i] {
					lines = append(lines, fmt.Sprintf("hazard %s: %s", h.Kind, h.Message))
				}
			}
			c := comments(lines)
			if c == nil {
				c = jen.Add(lit)
			} else {
				c.Add(lit)
			}
			args = append(args, c)
		}
	}
	if len(args) == 0 {
		return sig.Block(jen.Return(jen.Nil())), nil
	}
	return sig.Block(jen.Return(jen.Id("m").Dot("Apply").Custom(multi("(ctx,", ")"), args...))), nil
}

// commentText makes one line of text safe in a Go comment: invalid UTF-8
// and the control characters and byte order marks Go source cannot hold
// become U+FFFD. Comments only describe; the values are in the literals.
func commentText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' || r == 0x7f || r == 0xfeff {
			return '\uFFFD'
		}
		return r
	}, s)
}

// comments renders comment lines, ending with a line break so the
// operation follows on its own line; nil when there are none. A line
// break inside a line would end the comment, so each becomes its own
// comment line.
func comments(lines []string) *jen.Statement {
	var c *jen.Statement
	for _, l := range lines {
		for _, part := range strings.Split(l, "\n") {
			part = commentText(part)
			if part == "" {
				continue
			}
			if c == nil {
				c = jen.Comment(part)
			} else {
				c.Line().Comment(part)
			}
		}
	}
	if c != nil {
		c.Line()
	}
	return c
}
