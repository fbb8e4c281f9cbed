package tempdb

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ownerFile records, in a cluster's directory, the pid of the process that
// started it. A test binary killed by its -timeout, or a CLI killed by a
// signal, never calls Stop; the file lets a later Start recognise its
// cluster as orphaned and stop it, so servers do not pile up on a
// developer's machine.
const ownerFile = "owner.pid"

// dirPattern matches the directories Start creates.
const dirPattern = "autogen-pg-*"

func writeOwner(dir string) error {
	return os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644)
}

// reapOrphans stops and removes the clusters under parent whose owner has
// exited. It is best effort: a directory without an owner file may be one
// that another process is still creating, and one we may not stop belongs
// to another user; both are left alone.
func reapOrphans(ctx context.Context, parent, bindir string, cred *syscall.Credential) {
	dirs, _ := filepath.Glob(filepath.Join(parent, dirPattern))
	for _, dir := range dirs {
		if !orphaned(dir) {
			continue
		}
		c := &Cluster{Dir: dir, bindir: bindir, cred: cred}
		stopCtx, cancel := context.WithTimeout(ctx, 15*time.Second)
		_ = c.Stop(stopCtx)
		cancel()
	}
}

func orphaned(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, ownerFile))
	if err != nil {
		return false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		return false
	}
	err = syscall.Kill(pid, 0)
	// EPERM means the process exists but belongs to someone else.
	return errors.Is(err, syscall.ESRCH)
}
