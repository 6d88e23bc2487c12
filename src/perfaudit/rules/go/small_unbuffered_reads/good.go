package wire

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"net"
	"os"
)

// readLine is the fixed version: a buffered reader over the connection.
func readLine(conn net.Conn) (string, error) {
	r := bufio.NewReader(conn)
	return r.ReadString('\n')
}

// countRecords decodes from a bufio.Reader wrapped around the file.
func countRecords(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	n := 0
	for {
		var rec struct{ ID, Len uint32 }
		if err := binary.Read(r, binary.LittleEndian, &rec); err != nil {
			return n, nil
		}
		n++
	}
}

// copyChunks reads 32 KiB at a time: large reads are fine unbuffered.
func copyChunks(dst io.Writer, f *os.File) error {
	buf := make([]byte, 32*1024)
	for {
		n, err := f.Read(buf)
		dst.Write(buf[:n])
		if err != nil {
			return err
		}
	}
}

// fromMemory reads single bytes from an in-memory reader: no system calls.
func fromMemory(data []byte) int {
	r := bytes.NewReader(data)
	b := make([]byte, 1)
	count := 0
	for {
		if _, err := r.Read(b); err != nil {
			return count
		}
		count++
	}
}

// pingPong exchanges one fixed-size message per round trip on a socket.
func pingPong(conn net.Conn, rounds int) error {
	for i := 0; i < rounds; i++ {
		var msg struct{ Seq, Time int64 }
		if err := binary.Write(conn, binary.BigEndian, msg); err != nil {
			return err
		}
		if err := binary.Read(conn, binary.BigEndian, &msg); err != nil {
			return err
		}
	}
	return nil
}

// header reads a few bytes once, outside any loop.
func header(f *os.File) ([]byte, error) {
	magic := make([]byte, 4)
	_, err := io.ReadFull(f, magic)
	return magic, err
}
