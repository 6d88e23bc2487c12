package web

import (
	"net/http"
)

// Serve starts the API with the zero-timeout defaults.
func Serve(addr string, h http.Handler) error {
	srv := &http.Server{ // expect: http-server-without-timeouts
		Addr:    addr,
		Handler: h,
	}
	return srv.ListenAndServe()
}

// ServeMetrics uses the package-level helper, which cannot set timeouts.
func ServeMetrics(h http.Handler) error {
	return http.ListenAndServe(":9090", h) // expect: http-server-without-timeouts
}

// ServeTLS does the same over TLS.
func ServeTLS(h http.Handler) error {
	return http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", h) // expect: http-server-without-timeouts
}

type App struct{ server *http.Server }

// NewApp stores a server value built without timeouts.
func NewApp(h http.Handler) *App {
	return &App{server: &http.Server{Handler: h}} // expect: http-server-without-timeouts
}

// Plain is a value literal, not a pointer, with only a write timeout.
func Plain(h http.Handler) http.Server {
	return http.Server{Handler: h, WriteTimeout: 0} // expect: http-server-without-timeouts
}
