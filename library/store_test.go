package library_test

import (
	"testing"

	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/library/storetest"
)

func TestMemoryStore(t *testing.T) {
	storetest.Run(t, func(*testing.T) library.Store { return library.NewMemoryStore() })
}
