package main

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

var skuPattern = regexp.MustCompile(`^[A-Z]{3}-\d{4}$`)

// API serves the inventory over HTTP.
type API struct {
	store *Store
}

// NewAPI wires handlers to a store.
func NewAPI(store *Store) *API {
	return &API{store: store}
}

// Routes returns the HTTP handler for the API.
func (a *API) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /products", a.listProducts)
	mux.HandleFunc("GET /products/{sku}", a.getProduct)
	mux.HandleFunc("PUT /products/{sku}", a.putProduct)
	mux.HandleFunc("GET /search", a.search)
	mux.HandleFunc("GET /export.csv", a.exportCSV)
	mux.HandleFunc("POST /products/{sku}/stock", a.adjustStock)
	mux.HandleFunc("GET /tags", a.listTags)
	return mux
}

func (a *API) listProducts(w http.ResponseWriter, r *http.Request) {
	a.store.Touch(r.Header.Get("X-Session"), r.Header.Get("X-User"))
	writeJSON(w, a.store.List())
}

func (a *API) getProduct(w http.ResponseWriter, r *http.Request) {
	sku := r.PathValue("sku")
	if !skuPattern.MatchString(sku) {
		http.Error(w, "bad sku", http.StatusBadRequest)
		return
	}
	p, ok := a.store.Get(sku)
	if !ok {
		http.NotFound(w, r)
		return
	}
	writeJSON(w, p)
}

func (a *API) putProduct(w http.ResponseWriter, r *http.Request) {
	var p Product
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	if err := dec.Decode(&p); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	p.SKU = r.PathValue("sku")
	if err := a.store.Put(p); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// search matches products whose name matches the query as a word.
func (a *API) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	results := []Product{}
	for _, p := range a.store.List() {
		word := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(q) + `\b`)
		if word.MatchString(p.Name) {
			results = append(results, p)
		}
	}
	writeJSON(w, results)
}

// exportCSV writes every product as one CSV line.
func (a *API) exportCSV(w http.ResponseWriter, r *http.Request) {
	out := "sku,name,price,stock\n"
	for _, p := range a.store.List() {
		out += p.SKU + "," + p.Name + "," + strconv.FormatInt(p.Price, 10) + "," +
			strconv.Itoa(p.Stock) + "\n"
	}
	w.Header().Set("Content-Type", "text/csv")
	_, _ = w.Write([]byte(out))
}

// tagLine joins tags for display; strings.Builder keeps it linear.
func tagLine(tags []string) string {
	var b strings.Builder
	for i, t := range tags {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(t)
	}
	return b.String()
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// adjustStock applies a stock delta and answers with a copy of the updated product.
func (a *API) adjustStock(w http.ResponseWriter, r *http.Request) {
	sku := r.PathValue("sku")
	delta, err := strconv.Atoi(r.URL.Query().Get("delta"))
	if err != nil {
		http.Error(w, "bad delta", http.StatusBadRequest)
		return
	}
	if err := a.store.Adjust(sku, delta); err != nil {
		http.Error(w, err.Error(), http.StatusConflict)
		return
	}
	p, _ := a.store.Get(sku)
	out, err := Clone(p)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, out)
}

// listTags answers with every tag in the catalogue, each once.
func (a *API) listTags(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, mergeTags(a.store.List()))
}
