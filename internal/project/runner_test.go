package project

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestPrune: every edit of a revision file builds a runner; the cache keeps
// the project's few most recently used ones and other projects' runners,
// and drops anything unused for a month, and what a killed build left.
func TestPrune(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	files := map[string]time.Duration{
		"runner-aaaa-1": 5 * time.Hour, "runner-aaaa-2": 4 * time.Hour, "runner-aaaa-3": 3 * time.Hour,
		"runner-aaaa-4": 2 * time.Hour, "runner-aaaa-new": 0,
		"runner-bbbb-1": 10 * time.Hour, "runner-bbbb-old": 40 * 24 * time.Hour,
		"runner-aaaa-x.partial-1": 40 * 24 * time.Hour, "runner-aaaa-y.partial-1": time.Hour,
	}
	for name, age := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, nil, 0o755); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, now.Add(-age), now.Add(-age))
	}
	prune(dir, "runner-aaaa-", filepath.Join(dir, "runner-aaaa-new"))
	entries, _ := os.ReadDir(dir)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	want := []string{"runner-aaaa-3", "runner-aaaa-4", "runner-aaaa-new", "runner-aaaa-y.partial-1", "runner-bbbb-1"}
	if !slices.Equal(left, want) {
		t.Errorf("left %q, want %q", left, want)
	}
}

// TestPruneBoundsCache: runners of projects that never build again (one
// per throwaway directory) are dropped, least recently used first, once
// all projects' runners together pass the cache's bound; the runner just
// built stays whatever its age.
func TestPruneBoundsCache(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	size := int64(maxCacheBytes / 4)
	add := func(name string, age time.Duration) {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		// Sparse: the size counts, the disk is not used.
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		f.Close()
		os.Chmod(p, 0o755)
		os.Chtimes(p, now.Add(-age), now.Add(-age))
	}
	for i, age := range []time.Duration{6, 5, 4, 3, 2, 1} {
		add(fmt.Sprintf("runner-p%d-1", i), age*time.Hour)
	}
	add("runner-new-1", 7*time.Hour)
	prune(dir, "runner-new-", filepath.Join(dir, "runner-new-1"))
	entries, _ := os.ReadDir(dir)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	want := []string{"runner-new-1", "runner-p3-1", "runner-p4-1", "runner-p5-1"}
	if !slices.Equal(left, want) {
		t.Errorf("left %q, want %q", left, want)
	}
}

// TestScanHeader: the scan reads a revision's creation date from the
// header autogen writes, for the revision the header names.
func TestScanHeader(t *testing.T) {
	dir := t.TempDir()
	src := `// add users
//
// Revision ID: abc123
// Revises:
// Create Date: 2026-11-22 03:05:56.503426

package migrations

import "github.com/autogen-dev/autogen/revision"

func init() {
	Registry.Add(&revision.Revision{ID: "abc123"})
	Registry.Add(&revision.Revision{ID: "other"})
}
`
	os.WriteFile(filepath.Join(dir, "a.go"), []byte(src), 0o644)
	pkg, err := ScanPackage(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkg.Revisions) != 2 || pkg.Revisions[0].Created != "2026-11-22 03:05:56.503426" || pkg.Revisions[1].Created != "" {
		t.Errorf("revisions %+v", pkg.Revisions)
	}
}
