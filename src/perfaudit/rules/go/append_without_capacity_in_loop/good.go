package inventory

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"
)

type Item struct {
	SKU   string
	Name  string
	Price int
}

// names is the fixed version: capacity given up front.
func names(items []Item) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, it.Name)
	}
	return out
}

// expensive filters: the final length is unknown, so no capacity is implied.
func expensive(items []Item, limit int) []Item {
	var out []Item
	for _, it := range items {
		if it.Price > limit {
			out = append(out, it)
		}
	}
	return out
}

// firstSKUs stops early with continue/break: the length is not len(items).
func firstSKUs(items []Item, max int) []string {
	var skus []string
	for _, it := range items {
		if it.SKU == "" {
			continue
		}
		skus = append(skus, it.SKU)
		if len(skus) == max {
			break
		}
	}
	return skus
}

// fromChannel cannot know how many values will arrive.
func fromChannel(in <-chan Item) []Item {
	var out []Item
	for it := range in {
		out = append(out, it)
	}
	return out
}

// lines reads until EOF: unknown length.
func lines(r io.Reader) []string {
	var out []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

// decodeAll lets json fill the slice first, then extends it.
func decodeAll(data []byte, extra []Item) ([]Item, error) {
	var items []Item
	if err := json.Unmarshal(data, &items); err != nil {
		return nil, err
	}
	for _, it := range extra {
		items = append(items, it)
	}
	return items, nil
}

// flatten appends a variable number of elements per iteration.
func flatten(groups [][]Item) []Item {
	var all []Item
	for _, g := range groups {
		all = append(all, g...)
	}
	return all
}

// powers grows geometrically: the trip count is not a length.
func powers(limit int) []int {
	var sizes []int
	for s := 1; s <= limit; s *= 2 {
		sizes = append(sizes, s)
	}
	return sizes
}

// fixedColumns ranges over a tiny literal; a capacity would not matter.
func fixedColumns(it Item) []string {
	var cols []string
	for _, c := range []string{it.SKU, it.Name} {
		cols = append(cols, strings.ToUpper(c))
	}
	return cols
}

// preSized is reassigned with a capacity before the loop.
func preSized(items []Item) []string {
	var out []string
	out = make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, it.SKU)
	}
	return out
}

// pairs appends in an inner loop: the slice spans both loops, a job for a separate review.
func pairs(items []Item) []string {
	var out []string
	for _, a := range items {
		for _, b := range items {
			out = append(out, a.SKU+"/"+b.SKU)
		}
	}
	return out
}
