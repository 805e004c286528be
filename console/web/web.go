// Package web holds the browser console's HTML templates and static files
// (its CSS, its script and the vendored htmx and uPlot, copied from npm by
// `make assets`), embedded in the binary so that the console works offline.
package web

import "embed"

// Templates are the pages' html/template files, under templates/.
//
//go:embed templates/*.html
var Templates embed.FS

// Static are the files served under /static/, under static/.
//
//go:embed static
var Static embed.FS
