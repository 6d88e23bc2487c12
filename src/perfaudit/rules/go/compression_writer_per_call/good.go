package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"sync"

	"github.com/klauspost/compress/zstd"
)

var encoder, _ = zstd.NewWriter(nil)

// Encoder returns the shared zstd encoder; EncodeAll is safe for concurrent use.
func Encode(src []byte) []byte {
	return encoder.EncodeAll(src, nil)
}

// NewCompressor builds the writer once per stream, in its constructor.
func NewCompressor(w io.Writer) *Compressor {
	return &Compressor{zw: gzip.NewWriter(w)}
}

type Compressor struct {
	zw   *gzip.Writer
	once sync.Once
	def  *gzip.Writer
}

// Write reuses the same writer for every chunk of the stream.
func (c *Compressor) Write(p []byte) (int, error) {
	return c.zw.Write(p)
}

// Default builds its writer once.
func (c *Compressor) Default(w io.Writer) *gzip.Writer {
	c.once.Do(func() {
		c.def = gzip.NewWriter(w)
	})
	return c.def
}

type resetter struct {
	gz *gzip.Writer
}

// Compress allocates the writer on first use and resets it afterwards.
func (r *resetter) Compress(dst *bytes.Buffer, p []byte) error {
	if r.gz == nil {
		r.gz = gzip.NewWriter(dst)
	} else {
		r.gz.Reset(dst)
	}
	if _, err := r.gz.Write(p); err != nil {
		return err
	}
	return r.gz.Close()
}

type conn struct {
	raw io.Writer
	zw  *gzip.Writer
	out io.Writer
}

// upgrade switches the connection to compression: one writer for the life of the connection.
func (c *conn) upgrade() {
	c.zw = gzip.NewWriter(c.raw)
}

func (c *conn) upgradeLevel(level int) {
	zw, _ := gzip.NewWriterLevel(c.raw, level)
	c.out = zw
}
