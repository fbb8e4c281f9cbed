package corpus

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// CLI runs cases the way users work, through the compiled autogen binary and
// the shared workflow script (../shared/tools/roundtrip-examples/
// autogen-workflow.sh): init, revision, upgrade head, check; then downgrade
// base. Each phase is invoked with the environment the shared oracle gives
// it, and the dumps are compared as the oracle compares them, leaving out
// autogen's version table.
type CLI struct {
	Harness
	// Script is the workflow script.
	Script string
	// Bin is the autogen binary, for the commands run without the script.
	Bin string
	// Env is added to the script's environment: PATH with the autogen
	// binary, AUTOGEN_SOURCE, RT_STATE, AUTOGEN_CACHE_DIR, GOFLAGS.
	Env []string
	// Timeout bounds each phase, as the oracle's 60 seconds do.
	Timeout time.Duration
}

// Run executes one case through the CLI.
func (r *CLI) Run(ctx context.Context, c Case, id string) Result {
	res := Result{Case: c}
	fail := func(status, detail string) Result {
		res.Status, res.Detail = status, detail
		return res
	}
	db, err := r.setup(ctx, c, "cli", id)
	defer db.cleanup()
	if err != nil {
		return fail("ERROR setup", err.Error())
	}
	xURL, wantUp, wantDown := db.url, db.wantUp, db.wantDown
	out, err := r.phase(ctx, c, "up", xURL)
	if err != nil {
		return fail("ERROR (command, up): "+firstLine(err.Error()), out)
	}
	got, err := r.Dumper.Dump(ctx, xURL)
	if err != nil {
		return fail("ERROR dump", err.Error())
	}
	if why := Compare(wantUp, got); why != "" {
		return fail("FAIL up ("+why+")", LineDiff(wantUp, got)+out)
	}
	out2, err := r.phase(ctx, c, "down", xURL)
	if err != nil {
		return fail("PASS up, ERROR (command, down): "+firstLine(err.Error()), out+out2)
	}
	got, err = r.Dumper.Dump(ctx, xURL)
	if err != nil {
		return fail("ERROR dump", err.Error())
	}
	if why := Compare(wantDown, got); why != "" {
		return fail("PASS up, FAIL down ("+why+")", LineDiff(wantDown, got)+out+out2)
	}
	return fail("PASS", "")
}

// phase runs the workflow script for one phase with the oracle's
// environment and returns its output.
func (r *CLI) phase(ctx context.Context, c Case, phase, dbURL string) (string, error) {
	target, source := filepath.Join(c.Dir, "b.sql"), filepath.Join(c.Dir, "a.sql")
	down := "0"
	if phase == "down" {
		target, source, down = source, target, "1"
	}
	work, err := os.MkdirTemp("", "autogen-cli-work-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(work)
	ctx, cancel := context.WithTimeout(ctx, r.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", r.Script)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), r.Env...)
	cmd.Env = append(cmd.Env, "PHASE="+phase, "ROUNDTRIP_DOWN="+down, "DATABASE_URL="+dbURL,
		"TARGET_SCHEMA="+target, "SOURCE_SCHEMA="+source, "WORKDIR="+work, "CASE_DIR="+c.Dir)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err = cmd.Run()
	out := fmt.Sprintf("--- %s phase output\n%s", phase, buf.String())
	if err != nil {
		return out, fmt.Errorf("%s phase: %w: %s", phase, err, lastLine(buf.String()))
	}
	return out, nil
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
