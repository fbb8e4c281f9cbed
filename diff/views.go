package diff

import "github.com/autogen-dev/autogen/model"

// views compares views and materialized views. A view is recreated when its
// definition changed or when anything it reads is dropped, recreated or has
// columns changed, since PostgreSQL refuses such changes while the view
// exists; views that read a recreated view follow.
func (d *differ) views() {
	for _, f := range d.from.Views {
		if d.to.View(f.Name) == nil {
			d.viewsGone[f.Name] = true
		}
	}
	// touched reports whether a dependency of view v changes under it. A
	// changed column matters only when the view's query names it.
	touched := func(v *model.View, n model.Name) bool {
		if d.dirty[n.String()] || d.viewsGone[n] || d.recreated[key("function", n)] {
			return true
		}
		for _, c := range d.dirtyColumns[n.String()] {
			if mentionsIdent(v.Query.SQL, c) {
				return true
			}
		}
		return d.from.Table(n) != nil && d.gone(n)
	}
	for changed := true; changed; {
		changed = false
		for _, t := range d.to.Views {
			f := d.from.View(t.Name)
			if f == nil || d.viewsGone[t.Name] {
				continue
			}
			recreate := !sameExcept(f, t, "Comment", "DependsOn")
			for _, dep := range f.DependsOn {
				if touched(f, dep) {
					recreate = true
				}
			}
			if recreate {
				d.viewsGone[t.Name] = true
				changed = true
			}
		}
	}
	for _, t := range d.to.Views {
		f := d.from.View(t.Name)
		switch {
		case f == nil:
			d.add(CreateView{View: t})
		case d.viewsGone[t.Name]:
			d.add(DropView{View: f}, CreateView{View: t})
			d.recreated[key("view", t.Name)] = true
		}
	}
	for _, f := range d.from.Views {
		if d.to.View(f.Name) == nil {
			d.add(DropView{View: f})
		}
	}
}

// viewGone reports whether a view of the current schema is dropped or
// recreated (its indexes go with it).
func (d *differ) viewGone(n model.Name) bool { return d.viewsGone[n] }
