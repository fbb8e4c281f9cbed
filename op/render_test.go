package op_test

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/internal/golden"
	"github.com/autogen-dev/autogen/op"
)

// TestRenderGolden renders every operation of the scenario, and the reverse
// of those that have one, into testdata/render.golden. Run with -update
// after an intended change and review the diff.
func TestRenderGolden(t *testing.T) {
	var b strings.Builder
	for _, s := range scenario() {
		stmts, err := s.op.Statements()
		if err != nil {
			t.Errorf("%s: %v", s.name, err)
			continue
		}
		writeStatements(&b, fmt.Sprintf("%s (%T)", s.name, s.op), stmts)
		r, ok := s.op.(op.Reverser)
		if !ok {
			continue
		}
		rev, err := r.Reverse()
		if err != nil {
			if !errors.Is(err, op.ErrInvalid) {
				t.Errorf("%s: Reverse error does not wrap ErrInvalid: %v", s.name, err)
			}
			fmt.Fprintf(&b, "-- %s: reverse: %v\n\n", s.name, err)
			continue
		}
		stmts, err = rev.Statements()
		if err != nil {
			t.Errorf("%s: rendering the reverse: %v", s.name, err)
			continue
		}
		writeStatements(&b, fmt.Sprintf("%s: reverse (%T)", s.name, rev), stmts)
	}
	golden.Assert(t, "testdata/render.golden", b.String())
}

func writeStatements(b *strings.Builder, title string, stmts []string) {
	fmt.Fprintf(b, "-- %s\n", title)
	if len(stmts) == 0 {
		b.WriteString("-- (no statements)\n")
	}
	for _, s := range stmts {
		b.WriteString(s + ";\n")
	}
	b.WriteString("\n")
}

// TestScenarioCoversEveryOperation fails when an operation type exists that
// the scenario never renders, so new operations get golden coverage.
func TestScenarioCoversEveryOperation(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range scenario() {
		seen[fmt.Sprintf("%T", s.op)] = true
		if r, ok := s.op.(op.Reverser); ok {
			if rev, err := r.Reverse(); err == nil {
				seen[fmt.Sprintf("%T", rev)] = true
			}
		}
		if s.undo != nil {
			seen[fmt.Sprintf("%T", s.undo)] = true
		}
	}
	for _, name := range operationTypes(t) {
		if !seen["op."+name] {
			t.Errorf("the scenario never renders op.%s", name)
		}
	}
}

// operationTypes lists the types of package op that have a Statements
// method, read from the source so that a new operation cannot be missed.
func operationTypes(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range pkgs["op"].Files {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || fn.Name.Name != "Statements" {
				continue
			}
			if id, ok := fn.Recv.List[0].Type.(*ast.Ident); ok {
				out = append(out, id.Name)
			}
		}
	}
	if len(out) < 50 {
		t.Fatalf("found only %d operation types; the source scan is broken", len(out))
	}
	return out
}
