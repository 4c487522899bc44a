//go:build js && wasm

package wasm

import (
	"errors"
	"fmt"
	"strings"
	"syscall/js"

	"github.com/clausemark/clausemark/annotations"
	"github.com/hack-pad/go-indexeddb/idb"
	"github.com/hack-pad/safejs"
)

// The sentinel errors. Their messages are written for the user of the app;
// a *DOMError wrapping one of them adds the technical details.
var (
	// ErrUnavailable means the browser offers no usable IndexedDB: it is
	// missing, disabled, or refuses access (InvalidStateError, SecurityError
	// or UnknownError when opening, as in some private windows).
	ErrUnavailable = errors.New("annotations cannot be saved in this browser: its database (IndexedDB) is unavailable, as in some private windows")

	// ErrBlocked means the upgrade of the database is blocked: another tab
	// keeps an older version of the database open. Open returns it as soon
	// as the browser reports the open request blocked.
	ErrBlocked = errors.New("another Clausemark tab is using an older version of the annotation database: close the other Clausemark tabs, then reload this page")

	// ErrVersion means the database was created by a newer version of
	// Clausemark than this one (VersionError).
	ErrVersion = errors.New("the annotations were saved by a newer version of Clausemark: reload this page to update it")

	// ErrClosed means the database connection is closed: by Close, because
	// another tab upgraded or deleted the database, or by the browser.
	ErrClosed = errors.New("the annotation database is closed, perhaps because Clausemark was updated in another tab: reload this page")

	// ErrQuotaExceeded means the browser refused to store more data
	// (QuotaExceededError).
	ErrQuotaExceeded = errors.New("the browser has no room left to save annotations: free some disk space or delete annotations you no longer need, then try again")

	// ErrConstraint means a write broke a constraint of the database
	// (ConstraintError), such as adding a record whose key already exists.
	ErrConstraint = errors.New("the annotation conflicts with one already saved")

	// ErrConflict means PutIf found the annotation changed since the
	// version the caller started from, usually by another tab. The error
	// comes with the stored annotation, to rebase the change on. It is
	// annotations.ErrConflict, which annotations.Session looks for.
	ErrConflict = annotations.ErrConflict

	// ErrInvalid means a record was refused as invalid, by the Store's own
	// checks (an empty id, for example) or by the browser (DataError).
	ErrInvalid = errors.New("the annotation is invalid and was not saved")

	// ErrUpgrade means the database could not be migrated to the current
	// schema. The migration runs in one transaction, so the database was
	// left as it was.
	ErrUpgrade = errors.New("the annotation database could not be updated for this version of Clausemark; your annotations are unchanged")

	// ErrChannelClosed means a Channel was used after Close.
	ErrChannelClosed = errors.New("the channel to other Clausemark tabs is closed")

	// ErrFileUnreadable means the browser could not read a file
	// (NotReadableError), usually because it was moved, changed or deleted
	// after the user chose it.
	ErrFileUnreadable = errors.New("the file could not be read: it may have been moved, changed or deleted since it was chosen")

	// ErrFileTooLarge means a file is larger than the limit given to
	// ReadFileLimit. The error is a *FileTooLargeError.
	ErrFileTooLarge = errors.New("the file is too large to open")

	// ErrNotOnPage means an element a function needs (a clause, its text,
	// an element named by id) is not on the page, or the page's content
	// is not what the clause markup makes (package markup).
	ErrNotOnPage = errors.New("a part of the page is missing or not as expected: reload the page")
)

// DOMError is an error reported by the browser, usually a DOMException, or
// detected by this package at the browser boundary. It keeps the exception's
// name and message and wraps the sentinel error it maps to, so callers can
// use errors.Is(err, ErrQuotaExceeded) and the like.
type DOMError struct {
	// Op is what was being done, such as "IndexedDB put" or "open database
	// \"clausemark\"".
	Op string
	// Name is the DOMException name, such as "QuotaExceededError"; "blocked"
	// for a blocked open request (an event, not an exception); empty when
	// the error was detected by this package rather than the browser.
	Name string
	// Message is the exception's message as the browser wrote it, or this
	// package's own detail.
	Message string
	// Err is the sentinel the error maps to, or nil for an unexpected error.
	Err error
}

// Error returns a sentence for the user followed by the details for a
// developer in parentheses.
func (e *DOMError) Error() string {
	user := "the browser reported an unexpected error"
	if e.Err != nil {
		user = e.Err.Error()
	}
	detail := e.Op
	if e.Name != "" {
		detail += ": " + e.Name
	}
	if e.Message != "" {
		detail += ": " + e.Message
	}
	return user + " (" + detail + ")"
}

// Unwrap returns the sentinel error, if any.
func (e *DOMError) Unwrap() error { return e.Err }

// sentinelFor maps a DOMException name to a sentinel error. opening is true
// for errors of indexedDB.open, where InvalidStateError, SecurityError and
// UnknownError mean that the database is not available at all.
func sentinelFor(name string, opening bool) error {
	switch name {
	case "QuotaExceededError":
		return ErrQuotaExceeded
	case "VersionError":
		return ErrVersion
	case "ConstraintError":
		return ErrConstraint
	case "DataError":
		return ErrInvalid
	case "NotReadableError":
		return ErrFileUnreadable
	case "SecurityError":
		return ErrUnavailable
	case "InvalidStateError", "UnknownError":
		if opening {
			return ErrUnavailable
		}
		if name == "InvalidStateError" {
			// db.transaction on a closing or closed connection.
			return ErrClosed
		}
	}
	return nil
}

// exceptionError converts a thrown or reported JavaScript value (normally a
// DOMException, possibly any Error or even a string) into a *DOMError. It
// never panics and returns nil for null or undefined.
func exceptionError(op string, v safejs.Value, opening bool) error {
	switch v.Type() {
	case safejs.TypeNull, safejs.TypeUndefined:
		return nil
	case safejs.TypeObject, safejs.TypeFunction:
		name := stringProp(v, "name")
		if name == "" {
			name = "Error"
		}
		return &DOMError{Op: op, Name: name, Message: stringProp(v, "message"), Err: sentinelFor(name, opening)}
	default:
		// A thrown string, number…: no name, no mapping.
		s, err := v.String()
		if err != nil {
			s = v.Type().String()
		}
		return &DOMError{Op: op, Name: "Error", Message: s}
	}
}

// callError converts the error of a safejs call into a *DOMError when it
// carries a JavaScript exception, and wraps it with op otherwise (a Go-side
// failure such as a type mismatch).
func callError(op string, err error, opening bool) error {
	if err == nil {
		return nil
	}
	var jsErr js.Error
	if errors.As(err, &jsErr) {
		if e := exceptionError(op, safejs.Safe(jsErr.Value), opening); e != nil {
			return e
		}
	}
	var domErr *DOMError
	if errors.As(err, &domErr) {
		return err
	}
	return fmt.Errorf("%s: %w", op, err)
}

// idbError converts an error of go-indexeddb into a *DOMError. go-indexeddb
// reports JavaScript exceptions as an idb.DOMException (its
// tryAsDOMException), which keeps the name and message but only shows them
// through Error, as "name: message" or "name"; a DOMException name never
// holds ": ". Other errors go through callError.
func idbError(op string, err error, opening bool) error {
	if err == nil {
		return nil
	}
	var domErr *DOMError
	if errors.As(err, &domErr) {
		return err
	}
	var e idb.DOMException
	if errors.As(err, &e) {
		name, message, _ := strings.Cut(e.Error(), ": ")
		return &DOMError{Op: op, Name: name, Message: message, Err: sentinelFor(name, opening)}
	}
	return callError(op, err, opening)
}

// stringProp returns v[name] when it is a string, and "" otherwise.
func stringProp(v safejs.Value, name string) string {
	p, err := v.Get(name)
	if err != nil || p.Type() != safejs.TypeString {
		return ""
	}
	s, err := p.String()
	if err != nil {
		return ""
	}
	return s
}
