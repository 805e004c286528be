package chdb

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestGooseSections(t *testing.T) {
	up, down := GooseSections("-- +goose NO TRANSACTION\n-- +goose Up\n-- a comment; with a semicolon\n" +
		"CREATE TABLE a (\n  x String\n) ENGINE = Log;\n\nINSERT INTO a SELECT 'x;y';\n-- +goose Down\nDROP TABLE a;\n")
	require.Equal(t, []string{"CREATE TABLE a (\n  x String\n) ENGINE = Log", "INSERT INTO a SELECT 'x;y'"}, up)
	require.Equal(t, []string{"DROP TABLE a"}, down)
	up, down = GooseSections("SELECT 1;\n")
	require.Empty(t, up, "nothing before -- +goose Up")
	require.Empty(t, down)
}
