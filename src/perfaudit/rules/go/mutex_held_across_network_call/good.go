package tokens

import (
	"net"
	"net/http"
	"sync"
)

type TokenSource struct {
	mu     sync.Mutex
	client *http.Client
	token  string
	url    string
}

// Token reads the cache under the lock and fetches without it.
func (t *TokenSource) Token() (string, error) {
	t.mu.Lock()
	cached := t.token
	t.mu.Unlock()
	if cached != "" {
		return cached, nil
	}
	resp, err := t.client.Get(t.url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	t.mu.Lock()
	t.token = resp.Header.Get("X-Token")
	t.mu.Unlock()
	return resp.Header.Get("X-Token"), nil
}

type Pool struct {
	mu    sync.Mutex
	conns map[string]net.Conn
}

// Get dials outside the lock and keeps the first connection stored.
func (p *Pool) Get(addr string) (net.Conn, error) {
	p.mu.Lock()
	c, ok := p.conns[addr]
	p.mu.Unlock()
	if ok {
		return c, nil
	}
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if old, ok := p.conns[addr]; ok {
		c.Close()
		return old, nil
	}
	p.conns[addr] = c
	return c, nil
}

// Close shuts connections down after releasing the lock.
func (p *Pool) Close() {
	p.mu.Lock()
	conns := p.conns
	p.conns = map[string]net.Conn{}
	p.mu.Unlock()
	for _, c := range conns {
		c.Close()
	}
}
