package plan

import (
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
)

// The functions of this file give other packages the operations that
// create one model object, exactly as a plan would write them: package
// settle renders them against temporary tables to let the server
// canonicalise the expressions they hold.

// IndexOp returns the operation that creates the index.
func IndexOp(ix *model.Index) op.CreateIndex { return createIndex(ix) }

// ConstraintOp returns the constraint as the operations that add it carry it.
func ConstraintOp(c *model.Constraint) op.Constraint { return constraint(c) }

// PolicyOp returns the operation that creates the policy on the table.
func PolicyOp(table model.Name, p *model.Policy) op.CreatePolicy { return createPolicy(table, p) }

// FunctionOp returns the operation that creates the function.
func FunctionOp(f *model.Function) op.CreateFunction { return createFunction(f, false) }

// DomainOp returns the operation that creates the domain.
func DomainOp(d *model.Domain) op.CreateDomain { return createDomain(d) }
