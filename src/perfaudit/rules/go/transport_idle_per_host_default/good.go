package client

import (
	"net/http"
	"time"
)

// Both limits set: the per-host pool matches the total.
func NewTransport() *http.Transport {
	return &http.Transport{
		MaxIdleConns:        100,
		MaxIdleConnsPerHost: 100,
		IdleConnTimeout:     90 * time.Second,
	}
}

// The per-host limit is set after the literal.
func Pooled(n int) *http.Client {
	tr := &http.Transport{MaxIdleConns: n}
	tr.MaxIdleConnsPerHost = n
	return &http.Client{Transport: tr}
}

// No keep-alives at all: idle pools do not matter.
func OneShot() *http.Client {
	return &http.Client{Transport: &http.Transport{
		MaxIdleConns:      50,
		DisableKeepAlives: true,
	}}
}

// A total of two does not exceed the per-host default.
func Tiny() *http.Transport {
	return &http.Transport{MaxIdleConns: 2}
}

// Options is a configuration struct with a field of the same name, not a transport.
type Options struct {
	MaxIdleConns int
}

func Defaults(o *Options) {
	o.MaxIdleConns = 100
	cfg := Options{MaxIdleConns: 64}
	_ = cfg
}

// Copy carries every public field of an existing transport.
func Copy(tr *http.Transport) *http.Transport {
	return &http.Transport{
		MaxIdleConns:        tr.MaxIdleConns,
		MaxIdleConnsPerHost: tr.MaxIdleConnsPerHost,
	}
}
