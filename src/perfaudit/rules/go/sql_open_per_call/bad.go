package gather

import (
	"database/sql"
)

type Plugin struct{ servers []string }

func (p *Plugin) gatherServer(dsn string) error {
	db, err := sql.Open("mysql", dsn) // expect: sql-open-per-call
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.Query("SHOW GLOBAL STATUS")
	if err != nil {
		return err
	}
	return rows.Close()
}

func version(dsn string) (string, error) {
	conn, err := sql.Open("postgres", dsn) // expect: sql-open-per-call
	if err != nil {
		return "", err
	}
	var v string
	err = conn.QueryRow("SELECT version()").Scan(&v)
	conn.Close()
	return v, err
}
