package squash

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/revision"
)

// revisionFile renders a revision file declaring one revision with the
// given upgrade body.
func revisionFile(id, body string) string {
	return `package migrations

import (
	"context"

	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

var _ = op.Execute{}
var _ context.Context

func init() {
	Registry.Add(&revision.Revision{ID: "` + id + `", Upgrade: ` + body + `})
}
`
}

const pure = `func(ctx context.Context, m *revision.Migration) error {
		return m.Apply(ctx, op.CreateTable{Name: "t"})
	}`

// writeProject writes one file per revision into a temporary directory and
// returns it.
func writeProject(t *testing.T, bodies map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for id, body := range bodies {
		if err := os.WriteFile(filepath.Join(dir, id+".go"), []byte(revisionFile(id, body)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func graph(t *testing.T, revs ...*revision.Revision) *revision.Graph {
	t.Helper()
	g, err := revision.NewGraph(revs)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestNewPlansALinearSquash(t *testing.T) {
	dir := writeProject(t, map[string]string{"a": pure, "b": pure, "c": pure})
	g := graph(t,
		&revision.Revision{ID: "a", BranchLabels: []string{"zeta"}},
		&revision.Revision{ID: "b", Revises: []string{"a"}, BranchLabels: []string{"main"}},
		&revision.Revision{ID: "c", Revises: []string{"b"}},
	)
	p, err := New(g, []string{dir}, "b")
	if err != nil {
		t.Fatal(err)
	}
	if p.Target != "b" || len(p.Squashed) != 2 || !p.Squashed["a"] || p.Dir != dir {
		t.Errorf("plan = %+v", p)
	}
	if want := []string{filepath.Join(dir, "a.go"), filepath.Join(dir, "b.go")}; !reflect.DeepEqual(p.Files, want) {
		t.Errorf("Files = %q, want %q", p.Files, want)
	}
	if want := []string{"main", "zeta"}; !reflect.DeepEqual(p.Labels, want) {
		t.Errorf("Labels = %q, want %q (the target's first)", p.Labels, want)
	}
	if impure, err := p.ImpureBodies(); err != nil || impure != nil {
		t.Errorf("ImpureBodies = %q, %v", impure, err)
	}
}

func TestNewRefuses(t *testing.T) {
	dir := writeProject(t, map[string]string{"a": pure, "b": pure, "c": pure, "d": pure})
	branchy := graph(t,
		&revision.Revision{ID: "a"},
		&revision.Revision{ID: "b", Revises: []string{"a"}},
		&revision.Revision{ID: "c", Revises: []string{"a"}},
		&revision.Revision{ID: "d", Revises: []string{"c"}, DependsOn: []string{"a"}},
	)
	tests := []struct {
		name, spec string
		g          *revision.Graph
		code       int
		msg        string
	}{
		{"unknown target", "zz", branchy, exitcode.Graph, "zz"},
		{"nothing below the target", "a", branchy, exitcode.Usage, "nothing to squash"},
		{"a kept revision needs a squashed one", "b", branchy, exitcode.Graph, "c revises a"},
		{"a kept dependency on a squashed one", "c", branchy, exitcode.Graph, "d depends on a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.g, []string{dir}, tt.spec)
			var ee *exitcode.Error
			if !errors.As(err, &ee) || ee.Code != tt.code || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("New(%s) = %v, want exit %d mentioning %q", tt.spec, err, tt.code, tt.msg)
			}
		})
	}
}

func TestNewRefusesSharedFiles(t *testing.T) {
	dir := t.TempDir()
	both := strings.Replace(revisionFile("a", "nil"), "func init() {", `func init() {
	Registry.Add(&revision.Revision{ID: "c", Revises: []string{"b"}})`, 1)
	os.WriteFile(filepath.Join(dir, "a.go"), []byte(both), 0o644)
	os.WriteFile(filepath.Join(dir, "b.go"), []byte(revisionFile("b", "nil")), 0o644)
	g := graph(t, &revision.Revision{ID: "a"}, &revision.Revision{ID: "b", Revises: []string{"a"}},
		&revision.Revision{ID: "c", Revises: []string{"b"}})
	if _, err := New(g, []string{dir}, "b"); err == nil || !strings.Contains(err.Error(), "declares both a") {
		t.Errorf("New = %v, want a refusal naming the shared file", err)
	}
	g = graph(t, &revision.Revision{ID: "x"}, &revision.Revision{ID: "b", Revises: []string{"x"}})
	if _, err := New(g, []string{dir}, "b"); err == nil || !strings.Contains(err.Error(), "no file declares x") {
		t.Errorf("New = %v, want a refusal naming the undeclared revision", err)
	}
}

func TestImpureBodies(t *testing.T) {
	tests := []struct{ body, why string }{
		{"nil", ""},
		{pure, ""},
		{`func(ctx context.Context, m *revision.Migration) error {
		if err := m.Apply(ctx, op.CreateTable{Name: "t"}); err != nil {
			return err
		}
		return nil
	}`, ""},
		{`func(ctx context.Context, m *revision.Migration) error {
		return m.Apply(ctx, op.Execute{SQL: "UPDATE t SET a = 1"})
	}`, "it applies op.Execute"},
		{`func(ctx context.Context, m *revision.Migration) error {
		return m.Apply(ctx, op.BulkInsert{})
	}`, "it applies op.BulkInsert"},
		{`func(ctx context.Context, m *revision.Migration) error {
		return m.Exec(ctx, "UPDATE t SET a = 1")
	}`, "it calls m.Exec"},
		{`func(ctx context.Context, m *revision.Migration) error {
		ops := []op.Operation{op.CreateTable{Name: "t"}}
		return m.Apply(ctx, ops...)
	}`, "it runs Go code other than m.Apply"},
		{`func(ctx context.Context, m *revision.Migration) error {
		return m.Apply(ctx, tables()...)
	}`, "it applies operations built at run time"},
		{"upgradeFunc", "the body is not a function literal"},
	}
	for _, tt := range tests {
		dir := writeProject(t, map[string]string{"a": pure, "b": tt.body})
		g := graph(t, &revision.Revision{ID: "a"}, &revision.Revision{ID: "b", Revises: []string{"a"}})
		p, err := New(g, []string{dir}, "b")
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.ImpureBodies()
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		if tt.why != "" {
			want = []string{"b (b.go): " + tt.why}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("body %s:\nImpureBodies = %q, want %q", tt.body, got, want)
		}
	}
}

func TestDataOpsAreOperations(t *testing.T) {
	for _, name := range []string{"Execute", "BulkInsert", "RefreshMaterializedView"} {
		if !isDataOp(name) {
			t.Errorf("%s is not a data operation", name)
		}
	}
	if isDataOp("CreateTable") {
		t.Error("CreateTable is taken for a data operation")
	}
}
