package detect

import (
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// keyOfValue is a scalar AST value as a keyVal, when the keyVal compares
// exactly as the value does (a number whose shortest float64 form is
// numerically the same).
func keyOfValue(v ast.Value) (keyVal, bool) {
	switch v := v.(type) {
	case ast.String:
		return keyVal{kind: keyString, str: string(v)}, true
	case ast.Boolean:
		return boolKey(bool(v)), true
	case ast.Number:
		f, err := strconv.ParseFloat(string(v), 64)
		if err != nil || ast.FloatNumberTerm(f).Value.Compare(v) != 0 {
			return keyVal{}, false
		}
		return keyVal{kind: keyNumber, num: f}, true
	}
	return keyVal{}, false
}

// compareKeys orders two defined scalars as ast.Compare does: by type
// (boolean < number < string), then by value.
func compareKeys(a, b keyVal) int {
	if a.kind != b.kind {
		return typeRank(a.kind) - typeRank(b.kind)
	}
	switch a.kind {
	case keyString:
		return strings.Compare(a.str, b.str)
	case keyBool, keyNumber:
		switch {
		case a.num < b.num:
			return -1
		case a.num > b.num:
			return 1
		}
	}
	return 0
}

func typeRank(k keyKind) int {
	switch k {
	case keyBool:
		return 1
	case keyNumber:
		return 2
	}
	return 3
}

func compareHolds(op string, c int) bool {
	switch op {
	case "equal":
		return c == 0
	case "neq":
		return c != 0
	case "lt":
		return c < 0
	case "lte":
		return c <= 0
	case "gt":
		return c > 0
	}
	return c >= 0
}
