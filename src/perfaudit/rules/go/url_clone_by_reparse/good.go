package rest

import (
	"net/http"
	"net/url"
	"path"
	"strings"
)

type Client struct {
	url      *url.URL
	endpoint string
}

// Call copies the base URL by value (the fix).
func (c *Client) Call(method string, values url.Values) string {
	u := *c.url
	u.Path = path.Join(u.Path, method)
	u.RawQuery = values.Encode()
	return u.String()
}

// Endpoint parses a configured string: parsing it once is the point.
func (c *Client) Endpoint() (*url.URL, error) {
	return url.Parse(c.endpoint)
}

// Templated assembles a URL in a builder, then parses it: not a copy.
func Templated(host, service string) (*url.URL, error) {
	var buf strings.Builder
	buf.WriteString("http://")
	buf.WriteString(host)
	buf.WriteString("/v1/")
	buf.WriteString(service)
	return url.Parse(buf.String())
}

// Joined uses JoinPath, which copies.
func Joined(r *http.Request, elem string) string {
	return r.URL.JoinPath(elem).String()
}

// Reassigned turns the text into something else before parsing it.
func Reassigned(u *url.URL) (*url.URL, error) {
	s := u.String()
	s = strings.Replace(s, "http://", "https://", 1)
	return url.Parse(s)
}

// NewClient clones the base once, when the client is built.
func NewClient(base *url.URL) (*Client, error) {
	u, err := url.Parse(base.String())
	if err != nil {
		return nil, err
	}
	return &Client{url: u}, nil
}
