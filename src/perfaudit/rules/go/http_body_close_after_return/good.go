package auth

import (
	"fmt"
	"io"
	"net/http"
)

// Fetch defers the close right after the request's error check (the fix).
func Fetch(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %s", resp.Status)
	}
	return io.ReadAll(resp.Body)
}

// Check closes the body itself on the early path.
func Check(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode >= 500 {
		resp.Body.Close()
		return fmt.Errorf("server error %d", resp.StatusCode)
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// Cached returns early only for a bodiless status.
func Cached(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotModified {
		return nil, nil
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Stream hands the response to the caller on the early path.
func Stream(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.Header.Get("Content-Type") == "text/event-stream" {
		return resp, nil
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return nil, err
}

// Retry checks the request error with a wrapped condition.
func Retry(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil || resp == nil {
		return fmt.Errorf("request: %w", err)
	}
	defer resp.Body.Close()
	return nil
}

// Drain hands the response to a helper that closes it.
func Drain(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errorFrom(resp)
	}
	defer resp.Body.Close()
	return nil
}

func errorFrom(resp *http.Response) error {
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return fmt.Errorf("%s: %s", resp.Status, b)
}

// Object tests the response for nil instead of the error.
func Object(c *http.Client, req *http.Request) ([]byte, error) {
	rsp, err := c.Do(req)
	if rsp == nil {
		return nil, fmt.Errorf("no response: %w", err)
	}
	defer rsp.Body.Close()
	return io.ReadAll(rsp.Body)
}
