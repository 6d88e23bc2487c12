package inventory

import (
	"fmt"
	"sort"
	"strings"
)

type Item struct {
	SKU   string
	Name  string
	Price int
}

// names copies one field out of every item.
func names(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Name) // expect: append-without-capacity-in-loop
	}
	return out
}

// sortedKeys collects the keys of a map before sorting them.
func sortedKeys(stock map[string]int) []string {
	keys := []string{}
	for k := range stock {
		keys = append(keys, k) // expect: append-without-capacity-in-loop
	}
	sort.Strings(keys)
	return keys
}

// labels builds one label per item; an error return does not make the append conditional.
func labels(items []Item, format func(Item) (string, error)) ([]string, error) {
	res := make([]string, 0)
	for _, it := range items {
		label, err := format(it)
		if err != nil {
			return nil, err
		}
		res = append(res, label) // expect: append-without-capacity-in-loop
	}
	return res, nil
}

// pageNumbers counts up to a known bound.
func pageNumbers(total, perPage int) []string {
	var pages []string
	n := (total + perPage - 1) / perPage
	for i := 0; i < n; i++ {
		pages = append(pages, fmt.Sprint(i+1)) // expect: append-without-capacity-in-loop
	}
	return pages
}

// describe builds one line per group; the inner slice restarts for every group.
func describe(groups map[string][]Item) string {
	var lines []string
	for name, items := range groups {
		var skus []string
		for _, it := range items {
			skus = append(skus, it.SKU) // expect: append-without-capacity-in-loop
		}
		lines = append(lines, name+": "+strings.Join(skus, ",")) // expect: append-without-capacity-in-loop
	}
	return strings.Join(lines, "\n")
}
