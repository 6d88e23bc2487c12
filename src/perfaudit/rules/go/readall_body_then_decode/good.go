package client

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

type Item struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

const maxBody = 1 << 20

// fetchItems decodes from the body, bounded.
func fetchItems(c *http.Client, url string) ([]Item, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var items []Item
	err = json.NewDecoder(io.LimitReader(resp.Body, maxBody)).Decode(&items)
	return items, err
}

// fetchChecked keeps the raw body for the error message.
func fetchChecked(resp *http.Response) (Item, error) {
	var it Item
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return it, err
	}
	if resp.StatusCode != http.StatusOK {
		return it, fmt.Errorf("status %d: %s", resp.StatusCode, body)
	}
	return it, json.Unmarshal(body, &it)
}

// createItem limits and streams the request body.
func createItem(w http.ResponseWriter, r *http.Request) {
	var it Item
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody)).Decode(&it); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// cached unmarshals bytes that did not come from ReadAll.
func cached(raw []byte) (Item, error) {
	var it Item
	return it, json.Unmarshal(raw, &it)
}
