package runner

import (
	"bytes"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/internal/cmdhelp"
	"github.com/autogen-dev/autogen/revision"
)

// labelled is a graph with a branch: a1 <- b2 (label "net") and a1 <- c3.
func labelled() *revision.Registry {
	b2 := tableRev("b2", "t2", "network tables", "a1")
	b2.BranchLabels = []string{"net"}
	return newRegistry(tableRev("a1", "t1", "first\nwith a second line"), b2, tableRev("c3", "t3", "third", "a1"))
}

// complete runs the runner's hidden completion command, as the shell
// scripts do, and returns its output lines.
func complete(t *testing.T, reg *revision.Registry, args ...string) []string {
	t.Helper()
	var stderr bytes.Buffer
	out, code := run(t, reg, "", &stderr, nil, append([]string{cobra.ShellCompRequestCmd}, args...))
	if code != 0 {
		t.Fatalf("__complete %q exited %d: %s", args, code, stderr.String())
	}
	return strings.Split(strings.TrimSuffix(out, "\n"), "\n")
}

func TestCompleteRevisions(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"upgrade", ""}, []string{
			"head\tthe newest revision (of the only branch)", "heads\tthe newest revision of every branch", "+1\tthe next revision",
			"c3\tthird", "b2\tnetwork tables", "a1\tfirst", "net\tbranch label", "net@head\tthe newest revision of branch net",
			":4"}},
		{[]string{"upgrade", "n"}, []string{"net\tbranch label", "net@head\tthe newest revision of branch net", ":4"}},
		// upgrade takes one target: nothing more is offered.
		{[]string{"upgrade", "head", ""}, []string{":4"}},
		{[]string{"downgrade", "b"}, []string{"base\tbefore the first revision", "b2\tnetwork tables", ":4"}},
		{[]string{"stamp", "a1", "h"}, []string{"head\tthe newest revision (of the only branch)", "heads\tthe newest revision of every branch", ":4"}},
		{[]string{"show", "c"}, []string{"c3\tthird", ":4"}},
		{[]string{"lint", "a1", ""}, []string{"c3\tthird", "b2\tnetwork tables", "a1\tfirst", "net\tbranch label", "net@head\tthe newest revision of branch net", ":4"}},
		// Commands without a revision argument offer no file names either.
		{[]string{"current", ""}, []string{":4"}},
	}
	for _, tt := range tests {
		got := complete(t, labelled(), tt.args...)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("__complete %q:\n%s\nwant:\n%s", tt.args, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

// TestCompletionScripts checks that the completion command writes a script
// for each shell, naming the program.
func TestCompletionScripts(t *testing.T) {
	for shell, marker := range map[string]string{
		"bash": "__start_migrate", "zsh": "#compdef migrate", "fish": "complete -c migrate", "powershell": "Register-ArgumentCompleter",
	} {
		var stderr bytes.Buffer
		out, code := run(t, labelled(), "", &stderr, nil, []string{"completion", shell}, WithName("migrate"))
		if code != 0 || !strings.Contains(out, marker) {
			t.Errorf("completion %s exited %d, script lacks %q: %.200s %s", shell, code, marker, out, stderr.String())
		}
	}
}

// TestHelpExamples checks that every command of the runner, including help
// and completion, shows examples in its --help.
func TestHelpExamples(t *testing.T) {
	e := &env{reg: labelled(), name: "autogen", getenv: func(string) string { return "" }}
	n := 0
	cmdhelp.Walk(e.rootCmd(), func(c *cobra.Command) {
		n++
		if strings.TrimSpace(c.Example) == "" {
			t.Errorf("%q has no examples", c.CommandPath())
		}
	})
	if n < 18 {
		t.Errorf("walked %d commands, expected the runner's twelve, help, completion and its four shells", n)
	}
	var stdout, stderr bytes.Buffer
	code := Main(labelled(), []string{"completion", "fish", "--help"}, WithIO(strings.NewReader(""), &stdout, &stderr))
	if code != 0 || !strings.Contains(stdout.String(), "Examples:\n  autogen completion fish | source") {
		t.Errorf("completion fish --help exited %d:\n%s", code, stdout.String())
	}
}
