package main

import (
	"encoding/json"
	"net/http"
)

// checkPrices asks the pricing service about each product.
func checkPrices(base string, skus []string) (map[string]int64, error) {
	prices := make(map[string]int64, len(skus))
	for _, sku := range skus {
		resp, err := http.Get(base + "/price/" + sku)
		if err != nil {
			return nil, err
		}
		var body struct {
			Cents int64 `json:"cents"`
		}
		err = json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		prices[sku] = body.Cents
	}
	return prices, nil
}
