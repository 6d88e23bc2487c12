package gather

import (
	"database/sql"
	"sync"
)

type Plugin struct {
	mu    sync.Mutex
	pools map[string]*sql.DB
	db    *sql.DB
}

// pool opens each DSN once and keeps it for later calls.
func (p *Plugin) pool(dsn string) (*sql.DB, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if db, ok := p.pools[dsn]; ok {
		return db, nil
	}
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		return nil, err
	}
	p.pools[dsn] = db
	return db, nil
}

// Start opens the pool once for the life of the plugin.
func (p *Plugin) Start(dsn string) (err error) {
	p.db, err = sql.Open("mysql", dsn)
	return err
}

// Stop closes the long-lived pool.
func (p *Plugin) Stop() error { return p.db.Close() }

// open hands the pool to its caller, which keeps it.
func open(dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(10)
	return db, nil
}
