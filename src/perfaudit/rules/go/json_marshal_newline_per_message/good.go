package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

type Event struct {
	ID   int    `json:"id"`
	Kind string `json:"kind"`
}

// writeLines is the fixed version: one encoder, one Write per event.
func writeLines(w io.Writer, events []Event) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	for _, e := range events {
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// asArray collects marshalled items into a slice: no newline framing.
func asArray(events []Event) ([]json.RawMessage, error) {
	out := make([]json.RawMessage, 0, len(events))
	for _, e := range events {
		b, err := json.Marshal(e)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

// serverSentEvents frames each message with an SSE prefix that an Encoder cannot write.
func serverSentEvents(w http.ResponseWriter, events <-chan Event) {
	flusher, _ := w.(http.Flusher)
	for e := range events {
		data, err := json.Marshal(e)
		if err != nil {
			continue
		}
		fmt.Fprintf(w, "data: %s\n\n", data)
		flusher.Flush()
	}
}

// single writes one document; no loop.
func single(w io.Writer, e Event) error {
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(w, string(b))
	return err
}

// perConnection sends one message per goroutine, not a stream.
func perConnection(conns []io.Writer, e Event) {
	for _, c := range conns {
		go func(w io.Writer) {
			b, _ := json.Marshal(e)
			w.Write(append(b, '\n'))
		}(c)
	}
}
