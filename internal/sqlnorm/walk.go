package sqlnorm

import (
	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// walk calls fn for n and every node below it, in depth-first order. fn
// returns false to skip a node's children. It works on any parse tree
// through protobuf reflection, so it needs no list of node types.
func walk(n *pg.Node, fn func(*pg.Node) bool) {
	if n == nil || n.Node == nil {
		return
	}
	if !fn(n) {
		return
	}
	walkMessage(n.ProtoReflect(), fn)
}

func walkMessage(m protoreflect.Message, fn func(*pg.Node) bool) {
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		if fd.Kind() != protoreflect.MessageKind {
			return true
		}
		visit := func(msg protoreflect.Message) {
			if node, ok := msg.Interface().(*pg.Node); ok {
				walk(node, fn)
				return
			}
			walkMessage(msg, fn)
		}
		switch {
		case fd.IsList():
			l := v.List()
			for i := 0; i < l.Len(); i++ {
				visit(l.Get(i).Message())
			}
		case fd.IsMap():
		default:
			visit(v.Message())
		}
		return true
	})
}

// cloneNode returns a deep copy of n.
func cloneNode(n *pg.Node) *pg.Node {
	if n == nil {
		return nil
	}
	return proto.Clone(n).(*pg.Node)
}

// Walk calls fn for n and every node below it, depth first; fn returns
// false to skip a node's children.
func Walk(n *pg.Node, fn func(*pg.Node) bool) { walk(n, fn) }
