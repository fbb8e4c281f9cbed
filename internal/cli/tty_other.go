//go:build !linux && !darwin && !freebsd && !netbsd && !openbsd && !dragonfly

package cli

import "io"

// isTerminal reports false where autogen cannot tell a terminal apart:
// rename candidates are then settled with flags or comments.
func isTerminal(io.Reader) bool { return false }
