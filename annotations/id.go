package annotations

import (
	"crypto/rand"
	"crypto/sha1"
	"encoding/hex"
	"strings"
)

// idPrefix starts every annotation id.
const idPrefix = "urn:uuid:"

// NewID returns a new annotation id: "urn:uuid:" and a random (version 4)
// UUID from crypto/rand.
func NewID() string {
	var u [16]byte
	rand.Read(u[:]) // never fails (crypto/rand, Go ≥ 1.24)
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return formatUUID(u)
}

// namespace is the UUID namespace of name-based ids (version 5), for ids that
// must be the same on every import of the same input: W3C annotations of
// other tools whose id is not a urn:uuid, and merge-conflict copies.
var namespace = [16]byte{0x6b, 0x1f, 0x1c, 0x2e, 0x5a, 0x3d, 0x4e, 0x8b, 0x9f, 0x0a, 0x3c, 0x6e, 0x21, 0x7d, 0x55, 0x90}

// nameID returns the name-based (version 5, SHA-1) id of name.
func nameID(name string) string {
	h := sha1.New()
	h.Write(namespace[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return formatUUID(u)
}

func formatUUID(u [16]byte) string {
	var b [45]byte
	copy(b[:], idPrefix)
	hex.Encode(b[9:17], u[0:4])
	b[17] = '-'
	hex.Encode(b[18:22], u[4:6])
	b[22] = '-'
	hex.Encode(b[23:27], u[6:8])
	b[27] = '-'
	hex.Encode(b[28:32], u[8:10])
	b[32] = '-'
	hex.Encode(b[33:45], u[10:16])
	return string(b[:])
}

// validID reports whether id is "urn:uuid:" and a UUID in canonical
// lowercase form (8-4-4-4-12 hex digits).
func validID(id string) bool {
	if len(id) != 45 || !strings.HasPrefix(id, idPrefix) {
		return false
	}
	for i := 9; i < 45; i++ {
		c := id[i]
		switch i - 9 {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
				return false
			}
		}
	}
	return true
}

// canonicalID lowercases the UUID of a urn:uuid id (the URN prefix in any
// case), so that ids written in uppercase by other tools are recognised.
func canonicalID(id string) string {
	if len(id) == 45 && strings.EqualFold(id[:9], idPrefix) {
		return idPrefix + strings.ToLower(id[9:])
	}
	return id
}
