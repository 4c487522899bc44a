package annotations

import _ "embed"

//go:embed schema/clausemark-annotations-v2.schema.json
var schema []byte

// Schema returns the JSON Schema (2020-12) of the native file format this
// package writes, version NativeVersion:
// schema/clausemark-annotations-v2.schema.json. Version 1, which Read reads
// too, is schema/clausemark-annotations-v1.schema.json.
func Schema() []byte { return append([]byte(nil), schema...) }
