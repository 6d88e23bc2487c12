package auth

import (
	"context"
	"fmt"
	"io"
	"net/http"
)

type forward struct {
	client  *http.Client
	address string
}

// ServeHTTP asks an auth server; a failed body read returns before the defer.
func (f *forward) ServeHTTP(rw http.ResponseWriter, req *http.Request) {
	fwd, err := http.NewRequestWithContext(req.Context(), http.MethodGet, f.address, nil)
	if err != nil {
		rw.WriteHeader(http.StatusInternalServerError)
		return
	}
	res, err := f.client.Do(fwd)
	if err != nil {
		rw.WriteHeader(http.StatusBadGateway)
		return
	}
	body, readErr := io.ReadAll(res.Body)
	if readErr != nil {
		rw.WriteHeader(http.StatusInternalServerError)
		return
	}
	defer res.Body.Close() // expect: http-body-close-after-return
	rw.WriteHeader(res.StatusCode)
	_, _ = rw.Write(body)
}

// Fetch checks the status before it defers the close.
func Fetch(ctx context.Context, c *http.Client, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %s: %s", url, resp.Status)
	}
	defer resp.Body.Close() // expect: http-body-close-after-return
	return io.ReadAll(resp.Body)
}

// Post reuses err for the read, so the second check is not the request's own.
func Post(c *http.Client, url string, r io.Reader) (string, error) {
	resp, err := c.Post(url, "application/json", r)
	if err != nil {
		return "", err
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	defer func() { // expect: http-body-close-after-return
		_ = resp.Body.Close()
	}()
	return string(b), nil
}

// Get uses the package-level helper and an if-initialised read.
func Get(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	if n, err := io.Copy(io.Discard, resp.Body); err != nil {
		return int(n), err
	}
	defer resp.Body.Close() // expect: http-body-close-after-return
	return resp.StatusCode, nil
}
