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

// renderAll parses the same template text once per user.
func renderAll(users []User, body string) ([]string, error) {
	out := make([]string, 0, len(users))
	for _, u := range users {
		t, err := template.New("mail").Parse(body) // expect: constructor-in-loop
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if err := t.Execute(&buf, u); err != nil {
			return nil, err
		}
		out = append(out, buf.String())
	}
	return out, nil
}

func renderFiles(users []User, dir string) error {
	for _, u := range users {
		t := template.Must(template.ParseGlob(dir + "/*.tmpl")) // expect: constructor-in-loop
		if err := t.Execute(new(bytes.Buffer), u); err != nil {
			return err
		}
	}
	return nil
}

func escapeAll(lines []string) []string {
	for i := range lines {
		r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;") // expect: constructor-in-loop
		lines[i] = r.Replace(lines[i])
	}
	return lines
}

func localTimes(users []User, zone string, at time.Time) []time.Time {
	var out []time.Time
	for _, u := range users {
		loc, err := time.LoadLocation(zone) // expect: constructor-in-loop
		if err != nil {
			continue
		}
		_ = u
		out = append(out, at.In(loc))
	}
	return out
}

func dialAll(hosts []string, certFile, keyFile string, dial func(string, tls.Certificate) error) error {
	for _, h := range hosts {
		cert, err := tls.LoadX509KeyPair(certFile, keyFile) // expect: constructor-in-loop
		if err != nil {
			return err
		}
		if err := dial(h, cert); err != nil {
			return err
		}
	}
	return nil
}
