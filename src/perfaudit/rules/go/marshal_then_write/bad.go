package export

import (
	"encoding/json"
	"net/http"
	"os"
)

type Report struct {
	Rows []map[string]any `json:"rows"`
}

// writeReport builds the whole document in memory before writing it.
func writeReport(path string, r Report) error {
	data, err := json.MarshalIndent(r, "", "  ") // expect: marshal-then-write
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

func serveReport(w http.ResponseWriter, req *http.Request, r Report) {
	w.Header().Set("Content-Type", "application/json")
	b, err := json.Marshal(r) // expect: marshal-then-write
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_, _ = w.Write(b)
}

func appendTo(f *os.File, rows []map[string]any) error {
	for _, row := range rows {
		line, err := json.Marshal(row) // expect: marshal-then-write
		if err != nil {
			return err
		}
		if _, err := f.Write(line); err != nil {
			return err
		}
	}
	return nil
}
