package client

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

// NewTransport is shared by every request to the storage backend.
func NewTransport(roots *tls.Config) http.RoundTripper {
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		MaxIdleConns:          100, // expect: transport-idle-per-host-default
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
		TLSClientConfig:       roots,
	}
}

type clusterClient struct {
	http *http.Client
	base string
}

// newClusterClient talks to one cluster endpoint with up to maxConns requests at once.
func newClusterClient(base string, maxConns int, cfg *tls.Config) *clusterClient {
	return &clusterClient{
		base: base,
		http: &http.Client{
			Transport: &http.Transport{
				MaxIdleConns:    maxConns, // expect: transport-idle-per-host-default
				TLSClientConfig: cfg,
			},
			Timeout: 10 * time.Second,
		},
	}
}

// Tuned clones the default transport and raises only the total.
func Tuned() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 256 // expect: transport-idle-per-host-default
	return &http.Client{Transport: t}
}

var resolver = &http.Client{
	Transport: &http.Transport{
		MaxIdleConns:    10, // expect: transport-idle-per-host-default
		IdleConnTimeout: 30 * time.Second,
	},
}
