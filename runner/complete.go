package runner

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/revision"
)

// keywordHelp describes the targets that are not revision ids, for shells
// that show descriptions (zsh, fish).
var keywordHelp = map[string]string{
	"head":  "the newest revision (of the only branch)",
	"heads": "the newest revision of every branch",
	"base":  "before the first revision",
	"+1":    "the next revision",
	"-1":    "the previous revision",
}

// RevisionCompletions returns the shell completions for a revision argument
// that starts with prefix: the keywords given (such as "head" or "base"),
// every revision id with its message, every branch label, and LABEL@head
// for each label. autogen completes its own commands with it from the graph
// the runner describes.
func RevisionCompletions(g *revision.Graph, prefix string, keywords ...string) []cobra.Completion {
	var out []cobra.Completion
	add := func(value, help string) {
		if strings.HasPrefix(value, prefix) {
			out = append(out, cobra.CompletionWithDesc(value, help))
		}
	}
	for _, k := range keywords {
		add(k, keywordHelp[k])
	}
	order := g.Order()
	labels := map[string]bool{}
	for i := len(order) - 1; i >= 0; i-- {
		r := g.Revision(order[i])
		msg, _, _ := strings.Cut(r.Message, "\n")
		add(r.ID, msg)
		for _, l := range r.BranchLabels {
			labels[l] = true
		}
	}
	for i := len(order) - 1; i >= 0; i-- {
		for _, l := range g.Revision(order[i]).BranchLabels {
			if !labels[l] {
				continue
			}
			delete(labels, l)
			add(l, "branch label")
			add(l+"@head", "the newest revision of branch "+l)
		}
	}
	return out
}

// completeRevisions completes up to max revision arguments (any number
// when max is 0) from the registry's graph, or the host's (Mount), offering
// the keywords too.
func (e *env) completeRevisions(max int, keywords ...string) cobra.CompletionFunc {
	graph := e.graph
	if graph == nil {
		graph = func(*cobra.Command) (*revision.Graph, error) { return e.reg.Graph() }
	}
	return CompleteRevisions(graph, max, keywords...)
}
