package sqlnorm

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// Operator classes and families. A class's members are part of its
// statement; a family's members added with ALTER OPERATOR FAMILY ... ADD
// ("loose" members) are settings of the family, which ADD and DROP change
// in place. Every member is written with its operand types, which
// PostgreSQL fills in when they are left out (see memberTypes).

// optionsProc is the number of the support function that takes operator
// class options, per index method (amoptsprocnum).
var optionsProc = map[string]int32{"btree": 5, "hash": 3, "gist": 10, "gin": 7, "spgist": 6, "brin": 5}

// member is one operator or function of a class or family.
type member struct {
	function bool
	number   int32
	// left and right are the operand types the member is registered
	// for; text is how ADD and CREATE write it.
	left, right, text string
}

// key names the member as DROP does: "OPERATOR 1 (integer, integer)".
func (m member) key() string {
	kind := "OPERATOR"
	if m.function {
		kind = "FUNCTION"
	}
	return fmt.Sprintf("%s %d (%s, %s)", kind, m.number, m.left, m.right)
}

// opClassItem reads one item of CREATE OPERATOR CLASS or ALTER OPERATOR
// FAMILY ... ADD. typ is the class's type ("" in a family).
func (d *definer) opClassItem(item *pg.CreateOpClassItem, method, typ string) (member, error) {
	m := member{number: item.Number}
	switch item.Itemtype {
	case 1: // OPCLASS_ITEM_OPERATOR
		left, right := typ, typ
		if args := item.Name.GetObjargs(); len(args) == 2 {
			var err error
			if left, err = d.typ(args[0].GetTypeName()); err != nil {
				return m, err
			}
			if right, err = d.typ(args[1].GetTypeName()); err != nil {
				return m, err
			}
		}
		if left == "" || right == "" {
			return m, defError("OPERATOR %d without its operand types", item.Number)
		}
		op, err := d.memberOperator(Strings(item.Name.GetObjname()), left, right)
		if err != nil {
			return m, err
		}
		m.left, m.right = left, right
		m.text = fmt.Sprintf("OPERATOR %d %s(%s, %s)", item.Number, op, left, right)
		if len(item.OrderFamily) > 0 {
			fam, err := d.name(KindOpFamily, model.RefOpFamily, Strings(item.OrderFamily))
			if err != nil {
				return m, err
			}
			m.text += " FOR ORDER BY " + sqlName(fam)
		}
	case 2: // OPCLASS_ITEM_FUNCTION
		m.function = true
		fn, err := d.function(Strings(item.Name.GetObjname()))
		if err != nil {
			return m, err
		}
		var args []string
		for _, a := range item.Name.GetObjargs() {
			t, err := d.typ(a.GetTypeName())
			if err != nil {
				return m, err
			}
			args = append(args, t)
		}
		var classArgs []string
		for _, a := range item.ClassArgs {
			t, err := d.typ(a.GetTypeName())
			if err != nil {
				return m, err
			}
			classArgs = append(classArgs, t)
		}
		m.left, m.right = memberTypes(method, item.Number, typ, classArgs, args)
		if m.left == "" || m.right == "" {
			return m, defError("FUNCTION %d without its operand types", item.Number)
		}
		m.text = fmt.Sprintf("FUNCTION %d (%s, %s) %s(%s)", item.Number, m.left, m.right, fn, strings.Join(args, ", "))
	default:
		return m, defError("an operator class item of type %d", item.Itemtype)
	}
	return m, nil
}

// memberTypes returns the operand types PostgreSQL registers a support
// function for (assignProcTypes): those given, else what the index
// method's rule derives from the function's arguments, else the class's
// type.
func memberTypes(method string, number int32, typ string, given, args []string) (string, string) {
	left, right := "", ""
	if len(given) > 0 {
		left = given[0]
		right = left
		if len(given) > 1 {
			right = given[1]
		}
		return left, right
	}
	arg := func(i int) string {
		if i < len(args) {
			return args[i]
		}
		return ""
	}
	switch {
	case number == optionsProc[method]:
	case method == "btree" && number == 1:
		left, right = arg(0), arg(1)
	case method == "btree" && number == 3:
		left, right = arg(0), arg(2)
	case method == "hash" && (number == 1 || number == 2):
		left, right = arg(0), arg(0)
	}
	if left == "" {
		left = typ
	}
	if right == "" {
		right = typ
	}
	return left, right
}

// memberOperator resolves a member's operator, by its operand types when
// it is unqualified: pg_catalog's for built-in types, else the first
// schema of the search path that defines one.
func (d *definer) memberOperator(names []string, left, right string) (string, error) {
	if len(names) == 1 && (!isBuiltinType(left) || !isBuiltinType(right)) {
		for _, s := range d.ns.path() {
			if s != "pg_catalog" && d.ns.Lookup != nil && d.ns.Lookup(KindOperator, s, names[0]) {
				names = []string{s, names[0]}
				break
			}
		}
	}
	if len(names) == 2 && names[0] == "pg_catalog" {
		names = names[1:]
	}
	switch len(names) {
	case 1:
		if !IsBuiltin(KindOperator, names[0]) {
			return "", &UnknownError{Kind: KindOperator, Name: names[0], Location: -1}
		}
		return names[0], nil
	case 2:
		d.q.ref(model.RefOperator, names[0], names[1])
		return pgsql.QuoteIdent(names[0]) + "." + names[1], nil
	}
	return "", defError("the operator name %s", strings.Join(names, "."))
}

// opClass builds CREATE OPERATOR CLASS. Without FAMILY, the class goes in
// the family of its own name, which PostgreSQL creates when it does not
// exist: family is that family's definition, for the reader to add when it
// has none.
func (d *definer) opClass(s *pg.CreateOpClassStmt) (def, family *model.Definition, famID model.ObjectID, loose []model.Setting, err error) {
	name, err := d.createName(Strings(s.Opclassname))
	if err != nil {
		return nil, nil, famID, nil, err
	}
	method := s.Amname
	typ, err := d.typ(s.Datatype)
	if err != nil {
		return nil, nil, famID, nil, err
	}
	famName := name
	if len(s.Opfamilyname) > 0 {
		if famName, err = d.name(KindOpFamily, model.RefOpFamily, Strings(s.Opfamilyname)); err != nil {
			return nil, nil, famID, nil, err
		}
	} else {
		d.q.ref(model.RefOpFamily, famName.Schema, famName.Name)
		family = opFamilyDef(famName, method)
	}
	var members []member
	storage := ""
	for _, n := range s.Items {
		item := n.GetCreateOpClassItem()
		if item.Itemtype == 3 { // OPCLASS_ITEM_STORAGETYPE
			st, err := d.typ(item.Storedtype)
			if err != nil {
				return nil, nil, famID, nil, err
			}
			if st != typ {
				storage = st
			}
			continue
		}
		m, err := d.opClassItem(item, method, typ)
		if err != nil {
			return nil, nil, famID, nil, err
		}
		members = append(members, m)
	}
	sortMembers(members)
	var items []string
	for _, m := range members {
		if !classMember(method, typ, m) {
			// PostgreSQL ties it to the family, as if ALTER OPERATOR
			// FAMILY ... ADD had added it.
			loose = append(loose, memberSetting(m, nil))
			continue
		}
		items = append(items, m.text)
	}
	if storage != "" {
		items = append(items, "STORAGE "+storage)
	}
	sql := "CREATE OPERATOR CLASS " + pgsql.QualifiedName(name.Schema, name.Name)
	if s.IsDefault {
		sql += " DEFAULT"
	}
	sql += " FOR TYPE " + typ + " USING " + pgsql.QuoteIdent(method) + " FAMILY " + sqlName(famName) + " AS " + strings.Join(items, ", ")
	def = &model.Definition{ID: model.ObjectID{Kind: model.KindOpClass, Name: name, Args: method}, Create: d.expr(sql)}
	famID = model.ObjectID{Kind: model.KindOpFamily, Name: famName, Args: method}
	return def, family, famID, loose, nil
}

// classMember reports whether PostgreSQL ties a member of CREATE
// OPERATOR CLASS to the class (a hard dependency) rather than to its
// family, as each index method's amadjustmembers decides: btree and hash
// keep the operators and the main support function on the class's own
// type; GiST, GIN and SP-GiST give every operator and the optional
// support functions to the family; other methods keep everything.
func classMember(method, typ string, m member) bool {
	same := m.left == typ && m.right == typ
	switch method {
	case "btree", "hash":
		return same && (!m.function || m.number == 1)
	case "gist":
		return m.function && slices.Contains([]int32{1, 2, 5, 6, 7}, m.number)
	case "gin":
		return m.function && (m.number == 2 || m.number == 3)
	case "spgist":
		return m.function && m.number >= 1 && m.number <= 5
	}
	return true
}

// memberSetting is a loose member of a family as a setting.
func memberSetting(m member, refs []model.Ref) model.Setting {
	return model.Setting{Name: m.key(), Value: model.Expr{SQL: "ADD " + m.text, Canon: m.text, Refs: refs},
		Reset: "DROP " + m.key()}
}

func sortMembers(ms []member) {
	slices.SortFunc(ms, func(a, b member) int {
		if a.function != b.function {
			if b.function {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(a.number, b.number); c != 0 {
			return c
		}
		if c := cmp.Compare(a.left, b.left); c != 0 {
			return c
		}
		return cmp.Compare(a.right, b.right)
	})
}

func opFamilyDef(name model.Name, method string) *model.Definition {
	sql := "CREATE OPERATOR FAMILY " + pgsql.QualifiedName(name.Schema, name.Name) + " USING " + pgsql.QuoteIdent(method)
	return &model.Definition{ID: model.ObjectID{Kind: model.KindOpFamily, Name: name, Args: method},
		Create: model.Expr{SQL: sql, Canon: sql}}
}

// opFamily builds CREATE OPERATOR FAMILY.
func (d *definer) opFamily(s *pg.CreateOpFamilyStmt) (*model.Definition, error) {
	name, err := d.createName(Strings(s.Opfamilyname))
	if err != nil {
		return nil, err
	}
	return opFamilyDef(name, s.Amname), nil
}

// alterOpFamily applies ALTER OPERATOR FAMILY ... ADD or DROP members.
func (d *definer) alterOpFamily(def *model.Definition, s *pg.AlterOpFamilyStmt) error {
	for _, n := range s.Items {
		item := n.GetCreateOpClassItem()
		if s.IsDrop {
			var types []string
			for _, a := range item.ClassArgs {
				t, err := d.typ(a.GetTypeName())
				if err != nil {
					return err
				}
				types = append(types, t)
			}
			if len(types) == 1 {
				types = append(types, types[0])
			}
			if len(types) != 2 {
				return defError("DROP of a member without its operand types")
			}
			m := member{function: item.Itemtype == 2, number: item.Number, left: types[0], right: types[1]}
			if !removeSetting(def, m.key()) {
				return defError("ALTER OPERATOR FAMILY DROP %s: the family has no such loose member", m.key())
			}
			continue
		}
		// Each member has references of its own.
		md := d.ns.definer()
		m, err := md.opClassItem(item, s.Amname, "")
		if err != nil {
			return err
		}
		if def.Setting(m.key()) != nil {
			return defError("ALTER OPERATOR FAMILY ADD %s: the family has it already", m.key())
		}
		setSetting(def, memberSetting(m, md.q.sortedRefs()))
	}
	return nil
}
