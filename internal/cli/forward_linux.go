package cli

import (
	"os/exec"
	"syscall"
)

// dieWithAutogen makes the runner receive SIGTERM when autogen itself
// ends without handing it a signal (killed with SIGKILL, say): the runner
// then cancels its statement and rolls back as for any interrupt, rather
// than run on unattended.
func dieWithAutogen(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
}
