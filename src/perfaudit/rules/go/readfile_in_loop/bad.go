package plugins

import (
	"encoding/json"
	"io/ioutil"
	"os"
	"path/filepath"
	"strings"
)

type Plugin struct {
	Name    string
	Enabled bool
}

// enabled re-reads the allow list for every plugin.
func enabled(plugins []Plugin, allowPath string) []Plugin {
	var out []Plugin
	for _, p := range plugins {
		data, err := os.ReadFile(allowPath) // expect: readfile-in-loop
		if err != nil {
			continue
		}
		if strings.Contains(string(data), p.Name) {
			out = append(out, p)
		}
	}
	return out
}

func applyDefaults(plugins []Plugin, dir string) error {
	for i := range plugins {
		raw, err := ioutil.ReadFile(filepath.Join(dir, "defaults.json")) // expect: readfile-in-loop
		if err != nil {
			return err
		}
		if err := json.Unmarshal(raw, &plugins[i]); err != nil {
			return err
		}
	}
	return nil
}

func countLines(names []string, path string) (map[string]int, error) {
	counts := map[string]int{}
	for n := 0; n < len(names); n++ {
		f, err := os.Open(path) // expect: readfile-in-loop
		if err != nil {
			return nil, err
		}
		b, _ := ioutil.ReadAll(f)
		f.Close()
		counts[names[n]] = strings.Count(string(b), names[n])
	}
	return counts, nil
}
