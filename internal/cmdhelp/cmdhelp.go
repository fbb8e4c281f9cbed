// Package cmdhelp finishes the cobra command trees of autogen and of the
// runners it builds the same way: the help and completion commands exist
// before the tree is walked (for the command reference and its tests), and
// they carry examples like every other command.
//
// It imports only cobra: the runners link it.
package cmdhelp

import (
	"strings"

	"github.com/spf13/cobra"
)

// Finish adds cobra's help command and its completion command (bash, zsh,
// fish and powershell) to root now rather than when root executes, and
// gives them examples that name root.
func Finish(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	name := root.Name()
	examples := map[string]string{
		"help": "  NAME help\n  NAME help upgrade",
		"completion": `  NAME completion bash > /etc/bash_completion.d/NAME
  NAME completion zsh > "${fpath[1]}/_NAME"
  NAME completion fish > ~/.config/fish/completions/NAME.fish`,
		"bash": `  source <(NAME completion bash)
  NAME completion bash > /etc/bash_completion.d/NAME`,
		"zsh": `  source <(NAME completion zsh)
  NAME completion zsh > "${fpath[1]}/_NAME"`,
		"fish": `  NAME completion fish | source
  NAME completion fish > ~/.config/fish/completions/NAME.fish`,
		"powershell": "  NAME completion powershell | Out-String | Invoke-Expression",
	}
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help", "completion":
		default:
			continue
		}
		if c.Example == "" {
			c.Example = strings.ReplaceAll(examples[c.Name()], "NAME", name)
		}
		for _, sub := range c.Commands() {
			if sub.Example == "" {
				sub.Example = strings.ReplaceAll(examples[sub.Name()], "NAME", name)
			}
		}
	}
}

// Walk calls fn on root and every command below it, depth first, in the
// order cobra lists them (sorted by name).
func Walk(root *cobra.Command, fn func(*cobra.Command)) {
	fn(root)
	for _, c := range root.Commands() {
		Walk(c, fn)
	}
}
