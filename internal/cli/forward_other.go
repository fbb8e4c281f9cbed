//go:build !linux

package cli

import "os/exec"

// dieWithAutogen does nothing where the system cannot signal a child when
// its parent dies; autogen still hands the runner the signals it receives.
func dieWithAutogen(*exec.Cmd) {}
