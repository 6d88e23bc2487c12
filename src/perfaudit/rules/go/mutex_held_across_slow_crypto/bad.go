package auth

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"errors"
	"sync"

	"golang.org/x/crypto/bcrypt"
	"golang.org/x/crypto/pbkdf2"
)

type Users struct {
	mu     sync.Mutex
	hashes map[string][]byte
	fails  map[string]int
}

// Authenticate compares the password while holding the user table lock: logins run one at a time.
func (u *Users) Authenticate(name, password string) error {
	u.mu.Lock() // expect: mutex-held-across-slow-crypto
	defer u.mu.Unlock()
	hash, ok := u.hashes[name]
	if !ok {
		return errors.New("unknown user")
	}
	if err := bcrypt.CompareHashAndPassword(hash, []byte(password)); err != nil {
		u.fails[name]++
		return err
	}
	return nil
}

// SetPassword hashes before the explicit unlock.
func (u *Users) SetPassword(name, password string) error {
	u.mu.Lock() // expect: mutex-held-across-slow-crypto
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err == nil {
		u.hashes[name] = hash
	}
	u.mu.Unlock()
	return err
}

type Signer struct {
	lock  sync.Mutex
	key   *rsa.PrivateKey
	ecKey *ecdsa.PrivateKey
	count int
}

// Sign signs every token with the key lock held.
func (s *Signer) Sign(payload []byte) ([]byte, error) {
	s.lock.Lock() // expect: mutex-held-across-slow-crypto
	defer s.lock.Unlock()
	s.count++
	digest := sha256.Sum256(payload)
	return rsa.SignPKCS1v15(rand.Reader, s.key, crypto.SHA256, digest[:])
}

func (s *Signer) SignEC(payload []byte) ([]byte, error) {
	s.lock.Lock() // expect: mutex-held-across-slow-crypto
	defer s.lock.Unlock()
	digest := sha256.Sum256(payload)
	return ecdsa.SignASN1(rand.Reader, s.ecKey, digest[:])
}

var (
	keyMu sync.Mutex
	salts = map[string][]byte{}
)

func DeriveKey(user, pass string) []byte {
	keyMu.Lock() // expect: mutex-held-across-slow-crypto
	defer keyMu.Unlock()
	return pbkdf2.Key([]byte(pass), salts[user], 4096, 32, sha256.New)
}

type Accounts struct {
	mu    sync.Mutex
	users map[string]string
	last  map[string]int64
}

func checkPassword(stored, given string) bool {
	return bcrypt.CompareHashAndPassword([]byte(stored), []byte(given)) == nil
}

// Login verifies the password through a helper while holding the accounts lock.
func (a *Accounts) Login(name, password string, now int64) bool {
	a.mu.Lock() // expect: mutex-held-across-slow-crypto
	defer a.mu.Unlock()
	if !checkPassword(a.users[name], password) {
		return false
	}
	a.last[name] = now
	return true
}
