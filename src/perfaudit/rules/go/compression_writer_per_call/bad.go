package server

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"net/http"

	"github.com/klauspost/compress/zstd"
)

// ServeHTTP compresses every response with a freshly allocated gzip writer.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Encoding", "gzip")
	gz := gzip.NewWriter(w) // expect: compression-writer-per-call
	defer gz.Close()
	h.render(gz, r)
}

// compress builds a new zlib writer per message.
func compress(msg []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := zlib.NewWriterLevel(&buf, zlib.BestSpeed) // expect: compression-writer-per-call
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(msg); err != nil {
		return nil, err
	}
	err = zw.Close()
	return buf.Bytes(), err
}

// encodeBlock builds a zstd encoder (with its goroutines) for every block.
func encodeBlock(src []byte) []byte {
	enc, _ := zstd.NewWriter(nil) // expect: compression-writer-per-call
	defer enc.Close()
	return enc.EncodeAll(src, nil)
}

type handler struct{}

func (h *handler) render(w interface{ Write([]byte) (int, error) }, r *http.Request) {
	_, _ = w.Write([]byte(r.URL.Path))
}
