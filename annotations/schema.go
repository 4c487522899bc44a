package annotations

import _ "embed"

//go:embed schema/clausemark-annotations-v1.schema.json
var schema []byte

// Schema returns the JSON Schema (2020-12) of the native file format,
// schema/clausemark-annotations-v1.schema.json.
func Schema() []byte { return append([]byte(nil), schema...) }
