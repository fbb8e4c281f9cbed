package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/internal/cmdhelp"
)

// TestHelpExamples checks that every command, the forwarded ones, help and
// completion included, shows examples in its --help.
func TestHelpExamples(t *testing.T) {
	a := &App{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Getenv: os.Getenv, Cwd: t.TempDir()}
	var names []string
	cmdhelp.Walk(a.rootCmd(), func(c *cobra.Command) {
		names = append(names, c.CommandPath())
		if strings.TrimSpace(c.Example) == "" {
			t.Errorf("%q has no examples", c.CommandPath())
		}
	})
	for _, want := range []string{"autogen upgrade", "autogen revision", "autogen completion zsh", "autogen help"} {
		if !strings.Contains(strings.Join(names, "\n")+"\n", want+"\n") {
			t.Errorf("the walk missed %q: %q", want, names)
		}
	}
}

// TestHelpShowsExamples runs --help on a native and on a forwarded command
// and checks that the examples are printed.
func TestHelpShowsExamples(t *testing.T) {
	for _, args := range [][]string{{"diff", "--help"}, {"downgrade", "--help"}, {"completion", "bash", "--help"}, {"--help"}} {
		var out bytes.Buffer
		a := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out, Getenv: os.Getenv, Cwd: t.TempDir()}
		if code := a.Run(args); code != 0 || !strings.Contains(out.String(), "\nExamples:\n  ") {
			t.Errorf("autogen %s exited %d without examples:\n%s", strings.Join(args, " "), code, out.String())
		}
	}
}
