package runner

import (
	"os/exec"
	"strings"
	"testing"
)

// TestRuntimeStaysLight checks that the packages users' revision files and
// runners link stay free of cgo and of the generator side, so that compiling
// a project's revisions is fast and needs no C toolchain.
func TestRuntimeStaysLight(t *testing.T) {
	runtime := []string{
		"github.com/autogen-dev/autogen/runner",
		"github.com/autogen-dev/autogen/migrate",
		"github.com/autogen-dev/autogen/guard",
		"github.com/autogen-dev/autogen/revision",
		"github.com/autogen-dev/autogen/op",
		"github.com/autogen-dev/autogen/autogentest",
		"github.com/autogen-dev/autogen/tempdb",
	}
	generator := []string{
		"github.com/pganalyze/pg_query_go",
		"github.com/dave/jennifer",
		"github.com/autogen-dev/autogen/model",
		"github.com/autogen-dev/autogen/internal/ddlparse",
		"github.com/autogen-dev/autogen/introspect",
		"github.com/autogen-dev/autogen/diff",
		"github.com/autogen-dev/autogen/codegen",
		"github.com/autogen-dev/autogen/autogenerate",
	}
	args := append([]string{"list", "-deps", "-f", "{{.ImportPath}} {{len .CgoFiles}}"}, runtime...)
	out, err := exec.Command("go", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, cgoFiles, _ := strings.Cut(line, " ")
		// The standard library's net and os/user have cgo variants that
		// are used only when cgo is on; they have pure-Go fallbacks.
		if cgoFiles != "0" && strings.Contains(path, ".") {
			t.Errorf("runtime depends on %s, which has cgo files", path)
		}
		for _, g := range generator {
			if path == g || strings.HasPrefix(path, g+"/") {
				t.Errorf("runtime depends on generator package %s", path)
			}
		}
	}
}
