package annotations

import _ "embed"

var (
	//go:embed schema/clausemark-annotations-v3.schema.json
	schema []byte
	//go:embed schema/clausemark-annotations-v2.schema.json
	schemaV2 []byte
)

// Schema returns the JSON Schema (2020-12) of the newest version of the
// native file format, NativeVersion (several documents, texts):
// schema/clausemark-annotations-v3.schema.json.
func Schema() []byte { return append([]byte(nil), schema...) }

// SchemaV2 returns the JSON Schema of version 2, SingleVersion, which
// ExportJSON writes: schema/clausemark-annotations-v2.schema.json. Version
// 1, which readers read too, is schema/clausemark-annotations-v1.schema.json.
func SchemaV2() []byte { return append([]byte(nil), schemaV2...) }
