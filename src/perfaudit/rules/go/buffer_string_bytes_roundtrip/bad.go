package render

import (
	"bytes"
	"io"
	"strings"
	"text/template"
)

// page renders a template and returns its bytes.
func page(t *template.Template, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return nil, err
	}
	return []byte(buf.String()), nil // expect: buffer-string-bytes-roundtrip
}

// frame writes a header and body through a pointer buffer.
func frame(w io.Writer, header, body string) error {
	buf := new(bytes.Buffer)
	buf.WriteString(header)
	buf.WriteString(body)
	s := buf.String()
	_, err := w.Write([]byte(s)) // expect: buffer-string-bytes-roundtrip
	return err
}

// banner builds text in a strings.Builder but needs bytes at the end.
func banner(w io.Writer, lines []string) error {
	var sb strings.Builder
	for _, l := range lines {
		sb.WriteString(l)
		sb.WriteByte('\n')
	}
	_, err := w.Write([]byte(sb.String())) // expect: buffer-string-bytes-roundtrip
	return err
}

// appendTo takes the buffer as a parameter.
func appendTo(dst []byte, buf *bytes.Buffer) []byte {
	return append(dst, []byte(buf.String())...) // expect: buffer-string-bytes-roundtrip
}
