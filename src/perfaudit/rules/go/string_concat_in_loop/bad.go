package report

import (
	"fmt"
	"strings"
)

type Row struct {
	Name  string
	Count int
}

// render builds a text table one row at a time.
func render(rows []Row) string {
	out := ""
	for _, r := range rows {
		out += fmt.Sprintf("%-20s %6d\n", r.Name, r.Count) // expect: string-concat-in-loop
	}
	return out
}

// csvLine joins fields by hand; only the first concat in the loop is reported.
func csvLine(fields []string) string {
	var line string
	for i, f := range fields {
		if i > 0 {
			line += "," // expect: string-concat-in-loop
		}
		line += strings.ReplaceAll(f, ",", "\\,")
	}
	return line
}

// prefixAll prepends with s = x + s, still quadratic.
func prefixAll(parts []string, sep string) string {
	path := ""
	for _, p := range parts {
		path = path + sep + p // expect: string-concat-in-loop
	}
	return path
}

// errorList accumulates into a parameter while reading a channel.
func errorList(msg string, errs <-chan error) string {
	for err := range errs {
		msg += "; " + err.Error() // expect: string-concat-in-loop
	}
	return msg
}

// grid concatenates in nested loops: the row string is rebuilt per cell.
func grid(cells [][]string) []string {
	var rows []string
	for _, row := range cells {
		s := ""
		for _, c := range row {
			s += c + "|" // expect: string-concat-in-loop
		}
		rows = append(rows, s)
	}
	return rows
}
