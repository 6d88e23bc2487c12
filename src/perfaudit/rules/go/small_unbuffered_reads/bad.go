package wire

import (
	"encoding/binary"
	"io"
	"net"
	"os"
)

// readLine reads a connection one byte at a time until a newline.
func readLine(conn net.Conn) (string, error) {
	var line []byte
	b := make([]byte, 1)
	for {
		if _, err := conn.Read(b); err != nil { // expect: small-unbuffered-reads
			return "", err
		}
		if b[0] == '\n' {
			return string(line), nil
		}
		line = append(line, b[0])
	}
}

// countRecords decodes fixed-size records straight from the file.
func countRecords(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	for {
		var rec struct{ ID, Len uint32 }
		if err := binary.Read(f, binary.LittleEndian, &rec); err != nil { // expect: small-unbuffered-reads
			if err == io.EOF {
				return n, nil
			}
			return n, err
		}
		n++
	}
}

// sumStdin reads standard input in 4-byte words.
func sumStdin() (uint64, error) {
	var word [4]byte
	var sum uint64
	for {
		if _, err := io.ReadFull(os.Stdin, word[:]); err != nil { // expect: small-unbuffered-reads
			return sum, nil
		}
		sum += uint64(binary.BigEndian.Uint32(word[:]))
	}
}

// scanFile takes an *os.File parameter and reads it byte by byte.
func scanFile(f *os.File, visit func(byte)) error {
	var one [1]byte
	for {
		n, err := f.Read(one[:]) // expect: small-unbuffered-reads
		if n == 1 {
			visit(one[0])
		}
		if err != nil {
			return err
		}
	}
}
