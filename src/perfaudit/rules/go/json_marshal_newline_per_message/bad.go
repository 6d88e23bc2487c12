package export

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
)

type Event struct {
	ID   int    `json:"id"`
	Kind string `json:"kind"`
}

// writeLines emits newline-delimited JSON with two writes per event.
func writeLines(w io.Writer, events []Event) error {
	for _, e := range events {
		data, err := json.Marshal(e) // expect: json-marshal-newline-per-message
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
		if _, err := w.Write([]byte("\n")); err != nil {
			return err
		}
	}
	return nil
}

// appendNewline adds the newline to the marshalled slice.
func appendNewline(f *os.File, events []Event) error {
	for _, e := range events {
		line, err := json.Marshal(e) // expect: json-marshal-newline-per-message
		if err != nil {
			return err
		}
		line = append(line, '\n')
		if _, err := f.Write(line); err != nil {
			return err
		}
	}
	return nil
}

// printAll prints each event on its own line.
func printAll(w io.Writer, events <-chan Event) {
	for e := range events {
		b, _ := json.Marshal(e) // expect: json-marshal-newline-per-message
		fmt.Fprintln(w, string(b))
	}
}

// formatted uses Fprintf with a bare "%s\n".
func formatted(w io.Writer, events []Event) {
	for i := range events {
		b, err := json.Marshal(events[i]) // expect: json-marshal-newline-per-message
		if err != nil {
			continue
		}
		fmt.Fprintf(w, "%s\n", b)
	}
}
