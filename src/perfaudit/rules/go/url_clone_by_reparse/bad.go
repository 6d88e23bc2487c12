package rest

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"path"
)

type Client struct {
	url  *url.URL
	http *http.Client
}

// Call clones the base URL on every request by formatting and parsing it again.
func (c *Client) Call(ctx context.Context, method string, values url.Values, body io.Reader) (*http.Response, error) {
	urlStr := c.url.String()
	u, err := url.Parse(urlStr) // expect: url-clone-by-reparse
	if err != nil {
		return nil, err
	}
	u.Path = path.Join(u.Path, method)
	u.RawQuery = values.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), body)
	if err != nil {
		return nil, err
	}
	return c.http.Do(req)
}

// Rewrite copies the incoming request URL through text.
func Rewrite(r *http.Request, prefix string) (*url.URL, error) {
	target, err := url.Parse(r.URL.String()) // expect: url-clone-by-reparse
	if err != nil {
		return nil, err
	}
	target.Path = prefix + target.Path
	return target, nil
}

// WithQuery parses a base once, then clones it per call through text.
func WithQuery(base string, q url.Values) (string, error) {
	b, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	u, err := url.ParseRequestURI(b.String()) // expect: url-clone-by-reparse
	if err != nil {
		return "", err
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}
