// Compile-time check of openapi-typescript's output for the bundled spec (`make spec-check`).
//
// This file uses the types the way another team's TypeScript would: by schema name, by
// operationId and by path. Renaming a schema or an operation, removing a field or an enum
// value, making a required field optional or changing a type breaks `tsc --noEmit` here.
// Additions (a new optional field, a new enum value) do not.

import type { components, operations, paths } from "focus-openapi-types";

type Schemas = components["schemas"];

// Exact type equality, checked at compile time.
type Equals<A, B> =
    (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
    return undefined;
}

// --- schemas, by name --------------------------------------------------------------------

type Ghost = Schemas["Ghost"];
type GhostPage = Schemas["GhostPage"];
type FocusError = Schemas["Error"];
type WorkingHours = Schemas["WorkingHours"];
type OrganizationUser = Schemas["OrganizationUser"];

const ghost: Ghost = {
    id: 1001,
    name: "Designer (TBH)",
    description: "Senior designer to hire in Q2",
    assigned: { projects: [{ id: 202, name: "Website relaunch" }], tasks: [], team_ids: [41] },
    created_at: "2026-03-02T09:15:00Z",
    deleted_at: null, // nullable timestamps: string | null (and may be absent)
    embodied_at: null,
    user_id: null,
};
const ghostPage: GhostPage = { data: [ghost], page: 1, rows: 50, total: 1 };
const quotaError: FocusError = {
    error: "quota_exceeded",
    error_description: "Hourly request quota spent",
    error_values: { limit: 30 },
};
// Toggl's required set; `weekday` is optional, timestamps are `Timestamp` (string | null).
const hours: WorkingHours = {
    working_hour_id: 77001,
    working_hours: 8,
    organization_id: 9001,
    created_at: "2026-01-12T08:00:00Z",
    updated_at: "",
};
const user: OrganizationUser = { id: 5120, email: "ada@example.com", working_hours: null };
const team: Schemas["Team"] = { id: 41, name: "Design", ghosts: [{ id: 1001, name: "Designer" }] };
const teamPage: Schemas["TeamPage"] = { data: [team], page: 1, rows: 100, total: 1 };
const role: Schemas["Role"] = { role_id: 3, name: "Member", permissions: [{ name: "manage_ghosts" }] };
const group: Schemas["Group"] = { id: 41, name: "Design", users: [], workspaces: [] };
const embody: Schemas["GhostEmbody"] = {
    recipient_org_user_id: 5120,
    recipient_user_account_id: 880231,
    role_id: 3,
};
const newGhost: Schemas["GhostCreate"] = { name: "Designer (TBH)", assign_projects: [202] };
const update: Schemas["GhostUpdate"] = { assign_action: "add", assign_teams: [41] };
const bulk: Schemas["GhostBulkUpdate"][] = [{ id: 1001, assign_action: "remove" }];
const newHours: Schemas["WorkingHoursCreateList"] = [
    { weekday: 1, working_hours: 8 },
    { working_hours: 40 }, // only working_hours is required (at most 168)
];
const hourUpdates: Schemas["WorkingHoursUpdateList"] = [
    { working_hour_id: 77001, weekday: 1, working_hours: 6 },
    { working_hour_id: 77002, working_hours: 4 },
];
const deleteIds: Schemas["WorkingHourIds"] = [77001];
const groupRequest: Schemas["GroupRequest"] = {
    emoji: "",
    name: "Design",
    organization_users: [5120],
    workspaces: [],
};
// @ts-expect-error Toggl's spec requires all four fields of a GroupRequest
const partialGroup: Schemas["GroupRequest"] = { name: "Design" };
const deletion: Schemas["GroupDeletion"] = { deleted: true };
const created: Schemas["CreatedGhost"] = {}; // a 201 body guarantees nothing

// Enum values stay accepted (adding one is fine, removing one is not).
const actions: Schemas["AssignAction"][] = ["add", "remove", "replace"];
const directions: Schemas["SortDirection"][] = ["asc", "desc"];

// Required fields stay required, types stay what they are.
// @ts-expect-error `id` is required on Ghost (and only `id`)
const nameless: Ghost = { name: "Designer" };
// @ts-expect-error `id` is an integer, not a string
const stringId: Ghost = { id: "1001", name: "x" };
// @ts-expect-error `error_description` is required on Error
const bareError: FocusError = { error: "validation" };
assertType<Equals<Ghost["deleted_at"], string | null | undefined>>();
assertType<Equals<Ghost["created_at"], string | null | undefined>>(); // Timestamp: "" or null too
assertType<Equals<Ghost["user_id"], number | null | undefined>>();
assertType<Equals<GhostPage["data"], Ghost[] | null>>(); // required, but may be null
assertType<Equals<WorkingHours["weekday"], number | undefined>>();
assertType<Equals<Schemas["Role"]["type"], string | undefined>>(); // an open enum
assertType<Equals<Schemas["OrganizationUser"]["rate"], Schemas["UserRate"] | null | undefined>>();

// --- operations, by operationId and by path --------------------------------------------------

type Json<R> = R extends { content: { "application/json": infer B } } ? B : never;
type ListGhosts = operations["list_ghosts"];

assertType<Equals<Json<ListGhosts["responses"][200]>, GhostPage>>();
assertType<Equals<Json<ListGhosts["responses"][402]>, FocusError>>();
assertType<Equals<Json<operations["list_users"]["responses"][200]>, OrganizationUser[] | null>>();
assertType<Equals<Json<operations["list_teams"]["responses"][200]>, Schemas["TeamPage"]>>();
assertType<Equals<Json<operations["list_roles"]["responses"][200]>, Schemas["Role"][] | null>>();
assertType<Equals<Json<operations["create_ghost"]["responses"][201]>, Schemas["CreatedGhost"]>>();
// a nil Go map comes as null (spec 2.0.0)
assertType<
    Equals<Json<operations["delete_group"]["responses"][200]>, Schemas["GroupDeletion"] | null>
>();
assertType<Equals<Json<operations["embody_ghost"]["responses"][409]>, FocusError>>();
assertType<
    Equals<Json<operations["get_user_working_hours"]["responses"][200]>, WorkingHours[] | null>
>();
assertType<
    Equals<paths["/organizations/{organization_id}/workspaces/{workspace_id}/ghosts"]["get"], ListGhosts>
>();

// The quota headers of a 402, and the comma-separated array query parameters.
type QuotaHeaders = ListGhosts["responses"][402]["headers"];
const remaining: QuotaHeaders["X-Toggl-Quota-Remaining"] = 0;
const resetsIn: QuotaHeaders["X-Toggl-Quota-Resets-In"] = 1800;
type ListGhostsQuery = NonNullable<ListGhosts["parameters"]["query"]>;
const query: ListGhostsQuery = { page: 1, rows: 100, project_ids: [202, 203], search: "design" };
assertType<Equals<ListGhostsQuery["project_ids"], number[] | undefined>>();
type ListTeamsQuery = operations["list_teams"]["parameters"]["query"];
// @ts-expect-error list_teams requires workspace_id
const teamsQuery: ListTeamsQuery = { page: 1 };
const path: ListGhosts["parameters"]["path"] = { organization_id: 9001, workspace_id: 7001 };

export const used = [
    ghostPage, quotaError, hours, user, teamPage, role, group, embody, newGhost, update, bulk,
    newHours, hourUpdates, deleteIds, groupRequest, partialGroup, deletion, created, actions,
    directions,
    nameless, stringId,
    bareError, remaining, resetsIn, query, teamsQuery, path,
];
