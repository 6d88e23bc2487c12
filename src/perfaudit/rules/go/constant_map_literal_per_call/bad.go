package mime

import "strings"

// contentType maps a file extension to its MIME type on every request.
func contentType(name string) string {
	types := map[string]string{ // expect: constant-map-literal-per-call
		".html": "text/html",
		".css":  "text/css",
		".js":   "application/javascript",
		".json": "application/json",
		".png":  "image/png",
	}
	dot := strings.LastIndexByte(name, '.')
	if dot < 0 {
		return "application/octet-stream"
	}
	if t, ok := types[name[dot:]]; ok {
		return t
	}
	return "application/octet-stream"
}

// isReserved rebuilds a set literal and indexes it directly.
func isReserved(word string) bool {
	return map[string]bool{"select": true, "from": true, "where": true}[word] // expect: constant-map-literal-per-call
}

// statusText reads from a table declared with var inside the function.
func statusText(code int) (string, int) {
	var texts = map[int]string{ // expect: constant-map-literal-per-call
		200: "OK",
		404: "Not Found",
		500: "Internal Server Error",
	}
	return texts[code], len(texts)
}

// knownFlags walks a constant set on every call.
func knownFlags(seen func(string)) {
	for flag := range map[string]struct{}{"-v": {}, "-q": {}, "-h": {}} { // expect: constant-map-literal-per-call
		seen(flag)
	}
}
