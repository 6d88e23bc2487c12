package health

import (
	"fmt"
	"net/http"
)

// Check only needs the status code; the unread body kills the connection.
func Check(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close() // expect: http-body-not-drained
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("unhealthy: %s", resp.Status)
	}
	return nil
}

// ETag reads a header and drops the body.
func ETag(c *http.Client, req *http.Request) (string, error) {
	res, err := c.Do(req)
	if err != nil {
		return "", err
	}
	defer res.Body.Close() // expect: http-body-not-drained
	return res.Header.Get("ETag"), nil
}
