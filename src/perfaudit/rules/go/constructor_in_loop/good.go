package notify

import (
	"bytes"
	"crypto/tls"
	"html/template"
	"strings"
	"time"
)

type User struct {
	Name, Email, TZ string
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// renderAll parses once.
func renderAll(users []User, body string) ([]string, error) {
	t, err := template.New("mail").Parse(body)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(users))
	for _, u := range users {
		var buf bytes.Buffer
		if err := t.Execute(&buf, u); err != nil {
			return nil, err
		}
		out = append(out, buf.String())
	}
	return out, nil
}

// parsePages parses a different file per iteration.
func parsePages(paths []string) ([]*template.Template, error) {
	var ts []*template.Template
	for _, p := range paths {
		t, err := template.ParseFiles(p)
		if err != nil {
			return nil, err
		}
		ts = append(ts, t)
	}
	return ts, nil
}

func escapeAll(lines []string) []string {
	for i := range lines {
		lines[i] = escaper.Replace(lines[i])
	}
	return lines
}

// localTimes loads each user's own zone.
func localTimes(users []User, at time.Time) []time.Time {
	var out []time.Time
	for _, u := range users {
		loc, err := time.LoadLocation(u.TZ)
		if err != nil {
			continue
		}
		out = append(out, at.In(loc))
	}
	return out
}

// reloadCerts re-reads the key pair on every tick: the files may have been rotated.
func reloadCerts(ticker *time.Ticker, certFile, keyFile string, set func(tls.Certificate)) {
	for range ticker.C {
		cert, err := tls.LoadX509KeyPair(certFile, keyFile)
		if err != nil {
			continue
		}
		set(cert)
	}
}

// firstValid builds the replacer only on the iteration that returns.
func firstValid(lines []string, old, repl string) string {
	for _, l := range lines {
		if strings.Contains(l, old) {
			return strings.NewReplacer(old, repl).Replace(l)
		}
	}
	return ""
}
