// The Go example of docs/using-the-spec.md: list ghosts page by page through the client that
// openapi-generator's go generator makes from dist/spec/focus.yaml, against the fake server.
//
//	make fake-server PORT=8080            # in another terminal
//	go run . -org 9001 -workspace 7001    # from clients/go-check, after make spec-check
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"

	focus "github.com/toggl-focus/focus-go"
)

func main() {
	baseURL := flag.String("base-url", "http://127.0.0.1:8080/api", "API base URL (real API: https://focus.toggl.com/api)")
	org := flag.Int64("org", 9001, "organization id")
	workspace := flag.Int64("workspace", 7001, "workspace id")
	flag.Parse()

	token := os.Getenv("TOGGL_FOCUS_API_TOKEN")
	if token == "" {
		token = "toggl_sk_fake" // the fake server's token
	}

	cfg := focus.NewConfiguration()
	cfg.Servers = focus.ServerConfigurations{{URL: *baseURL}}
	client := focus.NewAPIClient(cfg)
	// Sent as `Authorization: Bearer <token>`.
	ctx := context.WithValue(context.Background(), focus.ContextAccessToken, token)

	seen := 0
	for page := int32(1); ; page++ {
		result, resp, err := client.GhostsAPI.ListGhosts(ctx, *org, *workspace).
			Page(page).Rows(100).Execute()
		if err != nil {
			var apiErr *focus.GenericOpenAPIError
			if errors.As(err, &apiErr) {
				if e, ok := apiErr.Model().(focus.Error); ok {
					// 402 with X-Toggl-Quota-Remaining: 0 is the spent hourly quota.
					if resp != nil && resp.StatusCode == 402 {
						log.Fatalf("quota spent (%s): retry in %s s", e.GetError(), resp.Header.Get("X-Toggl-Quota-Resets-In"))
					}
					log.Fatalf("%s: %s", e.GetError(), e.GetErrorDescription())
				}
			}
			log.Fatal(err)
		}
		for _, ghost := range result.GetData() {
			// Timestamps are the spec's Timestamp (anyOf RFC 3339, "" or null): the generated
			// type keeps the raw string; absent, null and "" all read as "not set".
			embodied := "no"
			if at := ghost.EmbodiedAt.Get(); at != nil && at.String != nil && *at.String != "" {
				embodied = *at.String
			}
			fmt.Printf("%d\t%s\tembodied: %s\n", ghost.GetId(), ghost.GetName(), embodied)
			seen++
		}
		if len(result.GetData()) < 100 || int32(seen) >= result.GetTotal() {
			break
		}
	}

	roles, _, err := client.OrganizationAPI.ListRoles(ctx, *org).Execute()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d ghosts, %d roles\n", seen, len(roles))
}
