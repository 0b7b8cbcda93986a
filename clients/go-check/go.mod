// The Go example of docs/using-the-spec.md, compiled by `make spec-check` when `go` is on PATH
// against the client openapi-generator's go generator makes from the bundled spec.
module focusexample

go 1.23

require github.com/toggl-focus/focus-go v0.0.0

replace github.com/toggl-focus/focus-go => ../../build/spec-check/go
