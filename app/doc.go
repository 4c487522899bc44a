// Package app holds the go-app components of Clausemark, one per file, and
// the document they show. Business logic lives in package annotations and
// package resolution; browser adapters in package wasm.
package app
