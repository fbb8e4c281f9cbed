package main

import (
	"os"
	"strings"
	"testing"
)

// TestCommandsUpToDate fails when docs/commands.md differs from what the
// command tree gives: a command, flag or example changed and the reference
// was not regenerated with `go run ./internal/cli/docgen`.
func TestCommandsUpToDate(t *testing.T) {
	want, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../../docs/commands.md")
	if err != nil {
		t.Fatalf("reading the reference (run go run ./internal/cli/docgen from the repository root): %v", err)
	}
	if string(got) != string(want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("docs/commands.md is stale (run go run ./internal/cli/docgen); first difference at line %d:\n  file:     %q\n  commands: %q", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("docs/commands.md is stale (run go run ./internal/cli/docgen): %d lines, the commands give %d", len(gl), len(wl))
	}
	for _, want := range []string{"## autogen upgrade", "## autogen completion fish", "--schemas strings", "Examples:"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("the reference lacks %q", want)
		}
	}
}
