package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/autogen-dev/autogen/internal/config"
	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/revision"
)

// graphInfo is the runner's `describe` output.
type graphInfo struct {
	Revisions []struct {
		ID           string   `json:"id"`
		Parents      []string `json:"parents"`
		DependsOn    []string `json:"depends_on"`
		BranchLabels []string `json:"branch_labels"`
		Message      string   `json:"message"`
		Path         string   `json:"path"`
	} `json:"revisions"`
}

// graph asks the project's runner for its revision graph and rebuilds it
// here (without bodies), so targets resolve exactly as the runner resolves
// them.
func (a *App) graph(ctx context.Context, cfg *config.Config) (*revision.Graph, error) {
	var out bytes.Buffer
	if err := a.runRunnerIO(ctx, cfg, []string{"describe"}, &out); err != nil {
		return nil, err
	}
	var info graphInfo
	if err := json.Unmarshal(out.Bytes(), &info); err != nil {
		return nil, fmt.Errorf("reading the runner's revision graph: %w", err)
	}
	var revs []*revision.Revision
	for _, r := range info.Revisions {
		revs = append(revs, &revision.Revision{ID: r.ID, Revises: r.Parents, DependsOn: r.DependsOn, BranchLabels: r.BranchLabels, Message: r.Message})
	}
	g, err := revision.NewGraph(revs)
	if err != nil {
		return nil, exitcode.With(exitcode.Graph, err)
	}
	return g, nil
}
