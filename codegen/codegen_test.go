package codegen_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/codegen"
	"github.com/autogen-dev/autogen/op"
)

// TestGeneratedSourceHoldsHostileText generates a revision from names,
// comments and hazard messages that would end a comment or a string early
// (line breaks, backticks, quotes, */), text Go cannot hold verbatim
// (invalid UTF-8, NUL, a byte order mark), and checks that the file parses
// as Go with nothing but the one init function and the values given.
func TestGeneratedSourceHoldsHostileText(t *testing.T) {
	evil := "x\n}\nfunc init() { panic(\"injected\") }\n// `*/\r\"'\x00\ufeff\xff"
	spec := codegen.Spec{Package: "migrations", ID: "0000000000aa", Message: evil,
		Upgrade: []codegen.Step{{
			Comment: "added table " + evil,
			Notes:   []string{evil},
			Ops: []op.Operation{
				op.CreateTable{Schema: "public", Name: evil, Columns: []op.Column{{Name: evil, Type: "text", Default: "'" + evil + "'"}}},
				op.Execute{SQL: "SELECT 1;\nSELECT `2`"},
			},
			Hazards: [][]op.Hazard{{{Kind: op.MayFail, Message: evil}}, nil},
		}},
	}
	src, err := codegen.Generate(spec)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "rev.go", src, parser.ParseComments)
	if err != nil {
		t.Fatalf("the generated file does not parse: %v\n%s", err, src)
	}
	funcs := 0
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			funcs++
		case *ast.CallExpr:
			if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "panic" {
				t.Error("text escaped into code: the file calls panic")
			}
		}
		return true
	})
	if funcs != 1 {
		t.Errorf("the file declares %d functions, want only init", funcs)
	}
	// The values survive: the name appears as an escaped string literal.
	var found bool
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.Contains(lit.Value, `\xff`) {
			found = true
		}
		return true
	})
	if !found {
		t.Error("no string literal holds the name with its invalid byte escaped")
	}
}
