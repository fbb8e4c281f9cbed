package diff_test

import (
	"testing"

	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/internal/plan"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
)

// TestEveryKindGetsOwnersAndPrivileges fails when a kind that has an owner
// or privileges (model.KindInfo.Owned, Privileges) does not get them
// compared and planned into statements that render: its model type must
// embed model.Access, and then the one generic pass does the rest.
func TestEveryKindGetsOwnersAndPrivileges(t *testing.T) {
	with := sampleCatalog()
	for _, o := range with.Objects() {
		a := model.AccessOf(o.Value)
		if a == nil {
			continue
		}
		info := o.ID.Kind.Info()
		if info.Owned {
			a.Owner = "boss"
		}
		if len(info.Privileges) > 0 {
			a.Grants = []model.Grant{{Grantee: "reader", Privilege: info.Privileges[0], GrantOption: true}}
		}
	}
	changes, err := diff.Diff(sampleCatalog(), with)
	if err != nil {
		t.Fatal(err)
	}
	owned, granted := map[model.Kind]bool{}, map[model.Kind]bool{}
	for _, c := range changes {
		var id model.ObjectID
		switch c := c.(type) {
		case diff.SetOwner:
			id, owned[c.Object.Kind] = c.Object, true
		case diff.SetPrivileges:
			id, granted[c.Object.Kind] = c.Object, true
		default:
			t.Errorf("only owners and privileges differ, yet the diff has %s", c.Describe())
			continue
		}
		p, err := plan.Build([]diff.Change{c}, plan.Options{})
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		if _, err := op.SQL(p.Ops()...); err != nil {
			t.Errorf("%s: does not render: %v", id, err)
		}
	}
	accessors := map[model.Kind]bool{}
	for _, o := range with.Objects() {
		accessors[o.ID.Kind] = accessors[o.ID.Kind] || model.AccessOf(o.Value) != nil
	}
	for _, k := range model.Kinds() {
		info := k.Info()
		switch {
		case (info.Owned || len(info.Privileges) > 0) && !accessors[k]:
			t.Errorf("kind %s has an owner or privileges, but its model type does not embed model.Access", k)
		case info.Owned && !owned[k]:
			t.Errorf("kind %s: a changed owner is not detected", k)
		case len(info.Privileges) > 0 && !granted[k]:
			t.Errorf("kind %s: a changed privilege is not detected", k)
		}
	}
}
