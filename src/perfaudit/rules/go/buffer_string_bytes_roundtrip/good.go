package render

import (
	"bytes"
	"io"
	"strings"
	"text/template"
)

// page is the fixed version: Bytes() shares the buffer's memory.
func page(t *template.Template, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// frame writes the buffer directly.
func frame(w io.Writer, header, body string) error {
	var buf bytes.Buffer
	buf.WriteString(header)
	buf.WriteString(body)
	_, err := buf.WriteTo(w)
	return err
}

// banner keeps the string as a string.
func banner(w io.Writer, lines []string) error {
	var sb strings.Builder
	for _, l := range lines {
		sb.WriteString(l)
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

type Name struct{ First, Last string }

func (n Name) String() string { return n.First + " " + n.Last }

// encodeName converts the String() of a value that is not a buffer.
func encodeName(n Name) []byte {
	return []byte(n.String())
}

// fromField converts a String() whose receiver cannot be seen to be a buffer.
type holder struct{ id interface{ String() string } }

func (h holder) key() []byte {
	return []byte(h.id.String())
}

// literal converts a string that never came from a buffer.
func literal(s string) []byte {
	return []byte(strings.TrimSpace(s))
}
