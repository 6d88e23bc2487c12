package web

import (
	"net"
	"net/http"
	"time"
)

// Serve sets a header timeout in the literal.
func Serve(addr string, h http.Handler) error {
	srv := &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	return srv.ListenAndServe()
}

// ServeConfigured assigns the timeouts after building the server.
func ServeConfigured(addr string, h http.Handler, readTimeout time.Duration) error {
	srv := &http.Server{Addr: addr, Handler: h}
	srv.ReadTimeout = readTimeout
	srv.WriteTimeout = 2 * readTimeout
	return srv.ListenAndServe()
}

// ServeMetrics calls the method on a configured server, not the package helper.
func ServeMetrics(h http.Handler) error {
	srv := http.Server{Addr: ":9090", Handler: h, ReadTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}

// servePprof listens on loopback only: no remote client can stall it.
func servePprof(port string) error {
	return http.ListenAndServe("localhost:"+port, nil)
}

// handler code that merely mentions the type.
func describe(s *http.Server) string { return s.Addr }

// callbackServer receives one OAuth redirect on a loopback listener.
func callbackServer(h http.Handler) (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	srv := &http.Server{Handler: h}
	go func() { _ = srv.Serve(ln) }()
	return ln.Addr().String(), nil
}
