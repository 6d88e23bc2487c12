package main

import "time"

// Product is one catalogue entry.
type Product struct {
	SKU      string            `json:"sku"`
	Name     string            `json:"name"`
	Tags     []string          `json:"tags"`
	Price    int64             `json:"price_cents"`
	Stock    int               `json:"stock"`
	Attrs    map[string]string `json:"attrs,omitempty"`
	Modified time.Time         `json:"modified"`
}

// Session tracks one API client between requests.
type Session struct {
	ID       string
	User     string
	LastSeen time.Time
}
