// Command credwatch-dashboards writes credwatch's Grafana dashboards (package
// dashboards) as JSON files: `make dashboards` runs it on dashboards/.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/credwatch/credwatch/dashboards"
)

func main() {
	out := flag.String("out", "dashboards", "directory to write the dashboard JSON files into")
	flag.Parse()
	if err := dashboards.WriteAll(*out); err != nil {
		fmt.Fprintln(os.Stderr, "credwatch-dashboards:", err)
		os.Exit(1)
	}
	for _, d := range dashboards.All() {
		fmt.Println("wrote", *out+"/"+d.File)
	}
}
