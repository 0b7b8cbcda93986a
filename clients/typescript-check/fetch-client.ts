// The TypeScript example of docs/using-the-spec.md, type-checked by `make spec-check` against
// the client openapi-generator's typescript-fetch generator makes from the bundled spec.
// (Schema `Error` is `ModelError` there: `Error` is taken by the language.)

import {
    Configuration,
    GhostsApi,
    OrganizationApi,
    ModelErrorFromJSON,
    ResponseError,
    type Ghost,
    type GhostPage,
} from "focus-fetch-client";

// Point the client at the fake server (`make fake-server PORT=8080`) or at the real API.
const config = new Configuration({
    basePath: "http://127.0.0.1:8080/api", // real API: https://focus.toggl.com/api
    accessToken: "toggl_sk_fake", // sent as `Authorization: Bearer toggl_sk_fake`
});

export async function listAllGhosts(organizationId: number, workspaceId: number): Promise<Ghost[]> {
    const ghosts = new GhostsApi(config);
    const all: Ghost[] = [];
    for (let page = 1; ; page++) {
        try {
            const result: GhostPage = await ghosts.listGhosts({
                organizationId,
                workspaceId,
                page,
                rows: 100,
                projectIds: [202, 203], // sent as project_ids=202,203 (explode: false)
            });
            const data = result.data ?? []; // `data` may be null (an empty page)
            all.push(...data);
            if (data.length < 100 || all.length >= (result.total ?? 0)) {
                return all;
            }
        } catch (err) {
            if (err instanceof ResponseError && err.response.status === 402) {
                // Quota spent when X-Toggl-Quota-Remaining is 0: wait X-Toggl-Quota-Resets-In seconds.
                const resetsIn = Number(err.response.headers.get("X-Toggl-Quota-Resets-In") ?? 0);
                const body = ModelErrorFromJSON(await err.response.json()); // camelCase fields
                throw new Error(`${body.error}: ${body.errorDescription} (retry in ${resetsIn}s)`);
            }
            throw err;
        }
    }
}

export async function firstRoleId(organizationId: number): Promise<number | undefined> {
    const roles = await new OrganizationApi(config).listRoles({ organizationId });
    return roles[0]?.roleId;
}
