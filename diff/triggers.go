package diff

import "github.com/autogen-dev/autogen/model"

// triggers compares triggers. A trigger is recreated when its definition
// changed, when its function is recreated, or when its table or view is.
func (d *differ) triggers() {
	find := func(list []*model.Trigger, table model.Name, name string) *model.Trigger {
		for _, t := range list {
			if t.Table == table && t.Name == name {
				return t
			}
		}
		return nil
	}
	relGone := func(n model.Name) bool {
		if d.from.View(n) != nil {
			return d.viewGone(n)
		}
		return d.from.Table(n) == nil || d.gone(n)
	}
	for _, t := range d.to.Triggers {
		f := find(d.from.Triggers, t.Table, t.Name)
		switch {
		case f == nil || relGone(t.Table):
			d.add(CreateTrigger{Trigger: t})
		case !sameExcept(f, t, "Comment", "Enabled"):
			d.add(DropTrigger{Trigger: f}, CreateTrigger{Trigger: t})
		case f.Enabled != t.Enabled:
			d.add(SetTriggerEnabled{From: f, To: t})
		}
	}
	for _, f := range d.from.Triggers {
		if find(d.to.Triggers, f.Table, f.Name) == nil && !relGone(f.Table) {
			d.add(DropTrigger{Trigger: f})
		}
	}
}
