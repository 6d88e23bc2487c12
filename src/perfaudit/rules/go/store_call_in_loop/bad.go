package orders

import (
	"context"
	"database/sql"

	"github.com/redis/go-redis/v9"
)

type Order struct {
	ID         int64
	CustomerID int64
	Customer   string
	Status     string
}

type Repo struct {
	db  *sql.DB
	rdb *redis.Client
}

// attachCustomers runs one query per order.
func (r *Repo) attachCustomers(ctx context.Context, orders []Order) error {
	for i, o := range orders {
		row := r.db.QueryRowContext(ctx, "SELECT name FROM customers WHERE id = $1", o.CustomerID) // expect: store-call-in-loop
		if err := row.Scan(&orders[i].Customer); err != nil {
			return err
		}
	}
	return nil
}

// markShipped updates orders one statement at a time.
func markShipped(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, "UPDATE orders SET status = 'shipped' WHERE id = $1", id); err != nil { // expect: store-call-in-loop
			return err
		}
	}
	return nil
}

// statuses reads one key per order.
func (r *Repo) statuses(ctx context.Context, orders []Order) map[int64]string {
	out := make(map[int64]string, len(orders))
	for _, o := range orders {
		key := "order:status:" + string(rune(o.ID))
		s, err := r.rdb.Get(ctx, key).Result() // expect: store-call-in-loop
		if err == nil {
			out[o.ID] = s
		}
	}
	return out
}

func lines(db *sql.DB, orders []Order) (int, error) {
	n := 0
	for _, o := range orders {
		rows, err := db.Query("SELECT qty FROM lines WHERE order_id = ?", o.ID) // expect: store-call-in-loop
		if err != nil {
			return 0, err
		}
		for rows.Next() {
			n++
		}
		rows.Close()
	}
	return n, nil
}
