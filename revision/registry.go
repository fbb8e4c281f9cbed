package revision

import "slices"

// Registry collects the revisions of one revisions package. The zero value
// is not usable; call NewRegistry.
type Registry struct {
	revs []*Revision
	// Sources maps a revision id to the file that declares it. The runner
	// that autogen builds fills it in, for `history --verbose` and errors.
	sources map[string]string
	// created maps a revision id to its file header's creation date.
	created map[string]string
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{sources: map[string]string{}, created: map[string]string{}}
}

// Add registers a revision. Problems (duplicate ids, unknown parents) are
// reported by Graph, not here, so that a broken revisions package can still
// be loaded and diagnosed.
func (r *Registry) Add(rev *Revision) { r.revs = append(r.revs, rev) }

// Revisions returns the registered revisions in registration order.
func (r *Registry) Revisions() []*Revision { return slices.Clone(r.revs) }

// SetSource records the file a revision is declared in.
func (r *Registry) SetSource(id, file string) { r.sources[id] = file }

// Source returns the file a revision is declared in, if known.
func (r *Registry) Source(id string) string { return r.sources[id] }

// SetCreated records when a revision was written, as its file's header
// says ("2026-11-22 03:05:56.503426"); the runner autogen builds fills it
// in, for `history --verbose`.
func (r *Registry) SetCreated(id, date string) { r.created[id] = date }

// Created returns when a revision was written, if known.
func (r *Registry) Created(id string) string { return r.created[id] }

// Graph validates the revisions and returns their graph.
func (r *Registry) Graph() (*Graph, error) { return NewGraph(r.revs) }

// Merge returns a registry holding the revisions (and sources) of several
// registries, for projects whose revisions live in several directories.
func Merge(regs ...*Registry) *Registry {
	out := NewRegistry()
	for _, r := range regs {
		out.revs = append(out.revs, r.revs...)
		for id, f := range r.sources {
			out.sources[id] = f
		}
		for id, d := range r.created {
			out.created[id] = d
		}
	}
	return out
}
