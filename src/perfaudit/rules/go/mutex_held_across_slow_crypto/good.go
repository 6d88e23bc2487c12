package auth

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"errors"
	"sync"

	"golang.org/x/crypto/bcrypt"
)

type Users struct {
	mu     sync.Mutex
	rw     sync.RWMutex
	hashes map[string][]byte
}

// Authenticate copies the hash out under the lock and compares after unlocking.
func (u *Users) Authenticate(name, password string) error {
	u.mu.Lock()
	hash, ok := u.hashes[name]
	u.mu.Unlock()
	if !ok {
		return errors.New("unknown user")
	}
	return bcrypt.CompareHashAndPassword(hash, []byte(password))
}

// SetPassword hashes first and locks only to store.
func (u *Users) SetPassword(name, password string) error {
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return err
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	u.hashes[name] = hash
	return nil
}

// Check holds only a read lock: concurrent readers still hash in parallel.
func (u *Users) Check(name, password string) error {
	u.rw.RLock()
	defer u.rw.RUnlock()
	return bcrypt.CompareHashAndPassword(u.hashes[name], []byte(password))
}

// HashAsync hashes in a goroutine started under the lock; the hash does not hold it.
func (u *Users) HashAsync(name, password string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	go func() {
		hash, _ := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
		u.mu.Lock()
		u.hashes[name] = hash
		u.mu.Unlock()
	}()
}

type Signer struct {
	mu     sync.Mutex
	key    *rsa.PrivateKey
}

// SignCopy reads the key under the lock and signs outside it.
func (s *Signer) SignCopy(payload []byte) ([]byte, error) {
	s.mu.Lock()
	key := s.key
	s.mu.Unlock()
	digest := sha256.Sum256(payload)
	return rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, digest[:])
}

func checkPassword(stored, given string) bool {
	return bcrypt.CompareHashAndPassword([]byte(stored), []byte(given)) == nil
}

// Login copies the stored hash out and checks it through the helper after unlocking.
func (u *Users) Login(name, password string) bool {
	u.mu.Lock()
	stored := string(u.hashes[name])
	u.mu.Unlock()
	return checkPassword(stored, password)
}
