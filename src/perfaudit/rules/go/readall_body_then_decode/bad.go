package client

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"io/ioutil"
	"net/http"
)

type Item struct {
	ID   string `json:"id" xml:"id"`
	Name string `json:"name" xml:"name"`
}

// fetchItems buffers the whole response before decoding it.
func fetchItems(c *http.Client, url string) ([]Item, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var items []Item
	if err := json.Unmarshal(body, &items); err != nil { // expect: readall-body-then-decode
		return nil, err
	}
	return items, nil
}

// createItem reads the request body whole.
func createItem(w http.ResponseWriter, r *http.Request) {
	data, err := ioutil.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var it Item
	if err := json.Unmarshal(data, &it); err != nil { // expect: readall-body-then-decode
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func feed(resp *http.Response) (Item, error) {
	var it Item
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return it, err
	}
	err = xml.Unmarshal(b, &it) // expect: readall-body-then-decode
	return it, err
}
