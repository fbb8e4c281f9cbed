package diff

import "github.com/autogen-dev/autogen/model"

// A partition has a copy of each check its partitioned table has. The
// copy is as valid as its parent's, except that a partition created after
// a NOT VALID check, or validated on its own, has a validated copy, which
// pg_dump prints as the partition's own. The model lists only such copies
// (sqlnorm.Finalize): a check of a partition that has the name of a NOT
// VALID check it inherits. A copy cannot be added or dropped by itself
// (PostgreSQL refuses both): it is validated once its parent's check
// exists, and it goes with its parent's check, or becomes implied when that
// is validated. Making a copy not valid again takes dropping and adding
// its parent's check again (unvalidates). An inheritance child's copy is
// not modelled: pg_dump does not show whether it is valid.

// checkOwner returns the table that lists the check named name that table
// n has, itself or the partitioned table it inherits it from, with the
// check.
func (g *graph) checkOwner(n model.Name, name string) (model.Name, *model.Constraint) {
	t := g.table(n)
	if t == nil {
		return model.Name{}, nil
	}
	if c := t.Constraint(name); c != nil {
		if c.Kind != model.Check {
			return model.Name{}, nil
		}
		return n, c
	}
	if t.PartitionOf != nil {
		return g.checkOwner(*t.PartitionOf, name)
	}
	return model.Name{}, nil
}

// checkCopyOf reports whether c is a child's validated copy of a NOT
// VALID check it inherits, and returns the table that lists that check.
func (g *graph) checkCopyOf(t *model.Table, c *model.Constraint) (model.Name, bool) {
	if c.Kind != model.Check || c.NotValid || t.PartitionOf == nil {
		return model.Name{}, false
	}
	if owner, pc := g.checkOwner(*t.PartitionOf, c.Name); pc != nil && pc.NotValid {
		return owner, true
	}
	return model.Name{}, false
}

// validateCopy makes a child's check a validated copy of its parent's:
// unless it is one already and its parent's check stays, the parent's
// check is there (or is added) with a copy not yet valid, which is
// validated on the child alone.
func (d *differ) validateCopy(f, t *model.Table, tc *model.Constraint) {
	owner, _ := d.tg.checkCopyOf(t, tc)
	if fc := f.Constraint(tc.Name); fc != nil && !fc.NotValid && sameExcept(fc, tc, "Comment") && !d.checkReadded(owner, tc.Name) {
		return
	}
	d.add(ValidateConstraint{Table: t.Name, Constraint: tc, Inherited: &owner})
}

// checkReadded reports whether the diff adds table n's check name, new or
// again: it then has copies not yet valid on every child.
func (d *differ) checkReadded(n model.Name, name string) bool {
	ft, tt := d.fg.table(n), d.tg.table(n)
	if ft == nil || tt == nil {
		return true
	}
	fc, tc := ft.Constraint(name), tt.Constraint(name)
	if fc == nil || tc == nil {
		return fc == nil
	}
	return !sameExcept(fc, tc, "Comment") && !validates(fc, tc) || d.unvalidates(n, tc)
}

// validates reports whether a constraint changes only by being validated.
func validates(fc, tc *model.Constraint) bool {
	return fc.NotValid && !tc.NotValid && sameExcept(fc, tc, "Comment", "NotValid")
}

// unvalidates reports whether the NOT VALID check tc of table n, which
// stays, must be dropped and added again because a child's validated copy
// of it is to be not valid again.
func (d *differ) unvalidates(n model.Name, tc *model.Constraint) bool {
	if tc.Kind != model.Check || !tc.NotValid || len(d.fg.partitions[n]) == 0 {
		return false
	}
	id := model.ConstraintID(n, tc.Name)
	if v, ok := d.unvalidated[id]; ok {
		return v
	}
	v := false
	for _, fx := range d.fg.partitions[n] {
		tx := d.tg.table(fx.Name)
		if tx == nil || tx.PartitionOf == nil || *tx.PartitionOf != n {
			continue
		}
		if fc := fx.Constraint(tc.Name); fc != nil && tx.Constraint(tc.Name) == nil {
			if _, ok := d.fg.checkCopyOf(fx, fc); ok {
				v = true
				break
			}
		}
		if d.unvalidatesBelow(fx.Name, tc) {
			v = true
			break
		}
	}
	if d.unvalidated == nil {
		d.unvalidated = map[model.ObjectID]bool{}
	}
	d.unvalidated[id] = v
	return v
}

// unvalidatesBelow is unvalidates for the partitions of a partition that
// inherits the check rather than listing it.
func (d *differ) unvalidatesBelow(n model.Name, tc *model.Constraint) bool {
	if t := d.fg.table(n); t == nil || t.Constraint(tc.Name) != nil {
		return false
	}
	return d.unvalidates(n, tc)
}

// notValidCopies lists the partitions, at any depth, of table n whose copy
// of n's NOT VALID check name is not valid either: those that list no copy
// of their own. A partition created after the check would get a valid
// copy, so the check is added after such partitions are created.
func (g *graph) notValidCopies(n model.Name, name string) []model.ObjectID {
	var out []model.ObjectID
	for _, p := range g.partitions[n] {
		if p.Constraint(name) != nil {
			continue
		}
		out = append(out, model.ObjectID{Kind: model.KindTable, Name: p.Name})
		out = append(out, g.notValidCopies(p.Name, name)...)
	}
	return out
}
