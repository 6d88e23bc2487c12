package render

import (
	"io/ioutil"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
)

// Thumbnail renders in a scratch directory per request and leaves it behind.
func Thumbnail(w http.ResponseWriter, r *http.Request) {
	dir, err := os.MkdirTemp("", "thumb-") // expect: tempdir-never-removed
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	out := filepath.Join(dir, "out.png")
	cmd := exec.Command("convert", r.URL.Query().Get("src"), out)
	cmd.Dir = dir
	if err := cmd.Run(); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	http.ServeFile(w, r, out)
}

// Unpack extracts an archive into a fresh directory every time and forgets it.
func Unpack(archive string) (int, error) {
	tmp, err := ioutil.TempDir("", "unpack") // expect: tempdir-never-removed
	if err != nil {
		return 0, err
	}
	if err := exec.Command("tar", "-xf", archive, "-C", tmp).Run(); err != nil {
		return 0, err
	}
	entries, err := os.ReadDir(tmp)
	return len(entries), err
}
