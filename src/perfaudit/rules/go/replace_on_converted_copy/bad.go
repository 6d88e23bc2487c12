package sanitize

import (
	"os"
	"strings"
)

// normalizeNewlines rewrites CRLF in a file's contents.
func normalizeNewlines(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return []byte(strings.ReplaceAll(string(data), "\r\n", "\n")), nil // expect: replace-on-converted-copy
}

// redact replaces a token in a payload, then sends bytes on.
func redact(payload []byte, token string, send func([]byte) error) error {
	clean := strings.Replace(string(payload), token, "***", -1) // expect: replace-on-converted-copy
	return send([]byte(clean))
}

// escape chains two replacements before converting back.
func escape(body []byte) []byte {
	return []byte(strings.ReplaceAll(strings.ReplaceAll(string(body), "<", "&lt;"), ">", "&gt;")) // expect: replace-on-converted-copy
}
