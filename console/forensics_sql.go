package console

import "strings"

// inScope is "col IN (?, …)" over scope, one bound value per tenant (so
// that the primary key of a table sorted by tenant is used), or "1" when
// scope is nil (every tenant).
func inScope(col string, scope []string) (string, []any) {
	switch {
	case scope == nil:
		return "1", nil
	case len(scope) == 0:
		return "0", nil
	}
	args := make([]any, len(scope))
	for i, t := range scope {
		args[i] = t
	}
	return col + " IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(scope)), ", ") + ")", args
}

// uniqList is SQL for the first 20 distinct non-empty values of col (a
// column name from this file, never from a request).
func uniqList(col string) string {
	return "arraySlice(arraySort(arrayFilter(x -> x != '', groupUniqArray(" + col + "))), 1, 20)"
}
