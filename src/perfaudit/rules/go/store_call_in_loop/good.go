package orders

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/lib/pq"
	"github.com/redis/go-redis/v9"
)

type Order struct {
	ID         int64
	CustomerID int64
	Customer   string
}

// customers fetches every customer in one query.
func customers(ctx context.Context, db *sql.DB, orders []Order) (map[int64]string, error) {
	ids := make([]int64, 0, len(orders))
	for _, o := range orders {
		ids = append(ids, o.CustomerID)
	}
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM customers WHERE id = ANY($1)", pq.Array(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		out[id] = name
	}
	return out, rows.Err()
}

// migrate runs a list of different statements: there is no element to batch by.
func migrate(ctx context.Context, db *sql.DB, stmts []string) error {
	for _, stmt := range stmts {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	return nil
}

// statuses uses MGET.
func statuses(ctx context.Context, rdb *redis.Client, keys []string) ([]any, error) {
	return rdb.MGet(ctx, keys...).Result()
}

// insertAll uses a prepared statement inside one transaction.
func insertAll(ctx context.Context, stmt *sql.Stmt, orders []Order) error {
	for _, o := range orders {
		if _, err := stmt.ExecContext(ctx, o.ID, o.CustomerID); err != nil {
			return err
		}
	}
	return nil
}

// probe calls different URLs with an HTTP client; not a store lookup.
func probe(client *http.Client, urls []string) int {
	ok := 0
	for _, u := range urls {
		if resp, err := client.Get(u); err == nil {
			resp.Body.Close()
			ok++
		}
	}
	return ok
}

// drain reads work items as they arrive on a channel.
func drain(ctx context.Context, rdb *redis.Client, updates <-chan string) {
	for key := range updates {
		rdb.Get(ctx, key)
	}
}
