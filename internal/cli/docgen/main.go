// Command docgen writes docs/commands.md, the command reference, from
// autogen's command tree: every command's --help, exactly as autogen
// prints it. Run it from the repository root after changing a command:
//
//	go run ./internal/cli/docgen
//
// Its test fails when docs/commands.md is stale.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/internal/cli"
	"github.com/autogen-dev/autogen/internal/cmdhelp"
)

func main() {
	out := flag.String("o", "docs/commands.md", "file to write")
	flag.Parse()
	doc, err := generate()
	if err == nil {
		err = os.WriteFile(*out, doc, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "docgen:", err)
		os.Exit(1)
	}
}

// generate renders the reference: an index, then one section per visible
// command with its help text.
func generate() ([]byte, error) {
	var paths [][]string
	cmdhelp.Walk(newApp(&bytes.Buffer{}).Command(), func(c *cobra.Command) {
		if c.Hidden || c.Name() == cobra.ShellCompRequestCmd || c.Name() == cobra.ShellCompNoDescRequestCmd {
			return
		}
		paths = append(paths, strings.Fields(c.CommandPath())[1:])
	})
	var b bytes.Buffer
	b.WriteString(`# Command reference

Every command's ` + "`--help`" + `, as autogen prints it. Generated from the
command tree by ` + "`go run ./internal/cli/docgen`" + `; ` + "`go test ./internal/cli/docgen`" + `
fails when this file is stale. README.md has the overview, docs/json.md the
` + "`--format json`" + ` output.

`)
	for _, p := range paths {
		name := strings.Join(append([]string{"autogen"}, p...), " ")
		fmt.Fprintf(&b, "- [%s](#%s)\n", name, strings.ReplaceAll(name, " ", "-"))
	}
	for _, p := range paths {
		var help bytes.Buffer
		if code := newApp(&help).Run(append(p, "--help")); code != 0 {
			return nil, fmt.Errorf("autogen %s --help exited %d: %s", strings.Join(p, " "), code, help.String())
		}
		fmt.Fprintf(&b, "\n## %s\n\n```text\n%s```\n", strings.Join(append([]string{"autogen"}, p...), " "), help.String())
	}
	return b.Bytes(), nil
}

// newApp returns an autogen whose output goes to out and whose environment
// is empty, so that nothing of the machine it runs on reaches the text.
func newApp(out *bytes.Buffer) *cli.App {
	return &cli.App{Stdin: strings.NewReader(""), Stdout: out, Stderr: out, Getenv: func(string) string { return "" }, Cwd: os.TempDir()}
}
