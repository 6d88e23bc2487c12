package store

import (
	"context"
	"database/sql"
	"net/url"
)

func createSchema(db *sql.DB) error {
	_, err := db.Exec("CREATE SCHEMA IF NOT EXISTS app")
	return err
}

func names(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func count(db *sql.DB) (n int, err error) {
	err = db.QueryRow("SELECT count(*) FROM users").Scan(&n)
	return n, err
}

func page(u *url.URL) string {
	_ = u.Query() // url.Values, not database rows
	return u.Query().Get("page")
}
