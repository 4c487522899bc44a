//go:build race

package resolution

// raceEnabled is true when the tests run under the race detector, which
// makes the parser some ten times slower.
const raceEnabled = true
