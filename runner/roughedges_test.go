package runner

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/revision"
)

// TestPanicInRevision: a revision whose body panics fails like any failed
// revision (exit 8) with a message naming where, not a stack trace and
// the usage code. --sql runs the body without a database.
func TestPanicInRevision(t *testing.T) {
	reg := revision.NewRegistry()
	reg.Add(&revision.Revision{ID: "aaaa00000001", Message: "boom",
		Upgrade: func(context.Context, *revision.Migration) error { panic("index out of range") }})
	var out, errOut bytes.Buffer
	code := Main(reg, []string{"upgrade", "head", "--sql"}, WithIO(strings.NewReader(""), &out, &errOut))
	if code != exitcode.Migration {
		t.Errorf("exit %d, want %d", code, exitcode.Migration)
	}
	msg := errOut.String()
	if !strings.Contains(msg, "panic: index out of range in ") || !strings.Contains(msg, "roughedges_test.go:") || strings.Contains(msg, "goroutine ") {
		t.Errorf("stderr:\n%s", msg)
	}
}

// TestHistoryRangeNewestFirst: `history -r head:base` names its ends the
// wrong way round; it is a usage error, not an empty list with exit 0.
func TestHistoryRangeNewestFirst(t *testing.T) {
	g, err := revision.NewGraph([]*revision.Revision{{ID: "a1"}, {ID: "b2", Revises: []string{"a1"}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, rng := range []string{"head:base", "b2:a1"} {
		ids, err := historyRange(g, rng, nil)
		if exitcode.Of(err) != exitcode.Usage || !strings.Contains(fmt.Sprint(err), "did you mean") {
			t.Errorf("-r %s = %v, %v; want a usage error", rng, ids, err)
		}
	}
	for rng, want := range map[string]int{"base:head": 2, "a1:b2": 2, "b2:head": 1, ":a1": 1, "a1:a1": 1} {
		if ids, err := historyRange(g, rng, nil); err != nil || len(ids) != want {
			t.Errorf("-r %s = %v, %v; want %d revisions", rng, ids, err, want)
		}
	}
}
