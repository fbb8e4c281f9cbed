package diff

import "github.com/autogen-dev/autogen/model"

// sequences compares standalone and serial sequences. A sequence owned by a
// column goes away with that column or its table, so no drop is emitted for
// it then; if the target still has it, it is created again.
func (d *differ) sequences() {
	consumed := map[model.Name]bool{}
	for _, c := range d.live() {
		if ac, ok := c.(AlterColumn); ok {
			if ac.DropSequence != nil {
				consumed[ac.DropSequence.Name] = true
			}
			if ac.CreateSequence != nil {
				consumed[ac.CreateSequence.Name] = true
			}
		}
	}
	for _, t := range d.to.Sequences {
		f := d.fg.sequence(t.Name)
		if f != nil && d.implicitlyDropped(f) {
			// Release the sequence before its owner goes, so that it
			// survives; set the new owner once that exists.
			d.add(SetSequenceOwner{Sequence: t, From: f.OwnedBy, Early: true})
			if !same(f.SequenceOptions, t.SequenceOptions) {
				d.add(AlterSequence{From: f, To: t})
			}
			if f.Unlogged != t.Unlogged {
				d.add(SetSequenceLogged{From: f, To: t})
			}
			if t.OwnedBy != nil {
				d.add(SetSequenceOwner{Sequence: t, To: t.OwnedBy})
			}
			continue
		}
		switch {
		case consumed[t.Name]:
			if t.OwnedBy != nil {
				d.add(SetSequenceOwner{Sequence: t, To: t.OwnedBy})
			}
		case f == nil:
			d.add(CreateSequence{Sequence: t})
			if t.OwnedBy != nil {
				d.add(SetSequenceOwner{Sequence: t, To: t.OwnedBy})
			}
		default:
			if !same(f.SequenceOptions, t.SequenceOptions) {
				d.add(AlterSequence{From: f, To: t})
			}
			if d.unloggedAfterTables(f) != t.Unlogged {
				d.add(SetSequenceLogged{From: f, To: t})
			}
			if !same(f.OwnedBy, t.OwnedBy) {
				d.add(SetSequenceOwner{Sequence: t, From: f.OwnedBy, To: t.OwnedBy})
			}
		}
	}
	for _, f := range d.from.Sequences {
		if d.tg.sequence(f.Name) == nil && !consumed[f.Name] && !d.implicitlyDropped(f) {
			d.add(DropSequence{Sequence: f, Recreate: d.tg.table(f.Name) != nil || d.tg.view(f.Name) != nil})
		}
	}
}

// unloggedAfterTables returns whether a sequence of the current schema is
// unlogged once the tables are altered: ALTER TABLE ... SET LOGGED or
// UNLOGGED switches the sequences the table owns at that point, which
// are those it owned before (owners change later).
func (d *differ) unloggedAfterTables(s *model.Sequence) bool {
	if o := s.OwnedBy; o != nil && !d.gone(o.Table) {
		if f, t := d.fg.table(o.Table), d.tg.table(o.Table); f != nil && f.Unlogged != t.Unlogged {
			return t.Unlogged
		}
	}
	return s.Unlogged
}

// implicitlyDropped reports whether a sequence of the current schema goes
// away with the column or table that owns it.
func (d *differ) implicitlyDropped(s *model.Sequence) bool {
	if s.OwnedBy == nil {
		return false
	}
	o := s.OwnedBy
	if d.gone(o.Table) {
		return true
	}
	if d.recreated(model.ColumnID(o.Table, o.Column)) {
		return true
	}
	t := d.tg.table(o.Table)
	return t != nil && t.Column(o.Column) == nil && !inherited(t)
}
