"""In-memory data of the fake Focus server, seeded reproducibly from a seed.

Records are kept in the wire shapes of `openapi/focus.yaml` wherever the spec has one (ghosts,
organization users, roles, working hours), so tests can assert on `fake.state` directly. Groups
are kept as `{"id", "name", "emoji", ..., "organization_users": [...], "workspaces": [...]}`,
i.e. in the request shape; the `Group` and `Team` wire shapes are rendered from them.

Unset values follow the state's `style` (see `STYLES`): `"go"` (the default) stores what
Toggl's Go types send, `""` for an unset string-typed timestamp and `0` for an unset integer
id, and always renders a user's `rate` and `working_hours`; `"sparse"` stores `null` and
leaves those two out unless asked for. Where Toggl's published spec makes a field nullable
(a ghost's `deleted_at`, `embodied_at` and `user_id`), both styles send `null`.
"""

from __future__ import annotations

import copy
import random
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

JsonObject = dict[str, Any]

#: Seeded timestamps count from here, so seeded data does not depend on the wall clock.
SEED_EPOCH = datetime(2026, 1, 12, 8, 0, 0, tzinfo=UTC)

_FIRST_NAMES = [
    "Ada",
    "Alan",
    "Amara",
    "Anouk",
    "Aria",
    "Bea",
    "Carlos",
    "Chen",
    "Dara",
    "Elif",
    "Emil",
    "Farah",
    "Femi",
    "Greta",
    "Hana",
    "Ines",
    "Ivan",
    "Jonas",
    "Kai",
    "Keiko",
    "Lars",
    "Lea",
    "Liam",
    "Luca",
    "Maya",
    "Mei",
    "Mila",
    "Nadia",
    "Noor",
    "Omar",
    "Oskar",
    "Priya",
    "Rafael",
    "Rosa",
    "Sami",
    "Sofia",
    "Tariq",
    "Theo",
    "Uma",
    "Vera",
    "Wen",
    "Yara",
    "Yusuf",
    "Zoe",
]
_LAST_NAMES = [
    "Adeyemi",
    "Andersen",
    "Bauer",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ito",
    "Jensen",
    "Kaur",
    "Kowalski",
    "Larsen",
    "Lovelace",
    "Meyer",
    "Moreau",
    "Nakamura",
    "Novak",
    "Okafor",
    "Petrov",
    "Quinn",
    "Rossi",
    "Santos",
    "Schmidt",
    "Silva",
    "Tanaka",
    "Tamm",
    "Usman",
    "Varga",
    "Virtanen",
    "Weber",
    "Wong",
    "Yilmaz",
    "Zhang",
]
_SENIORITY = ("Junior", "Mid-level", "Senior", "Lead", "Principal", "Contract")
_GHOST_ROLES = (
    "Designer",
    "Backend Engineer",
    "Frontend Engineer",
    "Product Manager",
    "Data Analyst",
    "QA Engineer",
    "DevOps Engineer",
    "Copywriter",
    "Account Manager",
    "Support Specialist",
    "Marketing Lead",
    "UX Researcher",
    "Mobile Developer",
    "Project Coordinator",
    "Illustrator",
)
_GHOST_NOTES = (
    "Placeholder until the hire is signed",
    "Budget approved for this quarter",
    "Agency contractor, to be confirmed",
    "Backfill for a parental leave",
    "Needed for the launch phase",
    "",
)
_PROJECTS = (
    "Website relaunch",
    "Mobile app v2",
    "Brand refresh",
    "Q3 campaign",
    "Data warehouse",
    "Customer portal",
    "Onboarding revamp",
    "Payments integration",
    "Internal tools",
    "Security audit",
    "Annual report",
    "Partner API",
    "Help center",
    "Pricing experiment",
    "Event sponsorship",
    "Localization",
    "Design system",
    "Churn analysis",
    "Office move",
    "Hiring pipeline",
)
_TASKS = (
    "Discovery",
    "Design review",
    "Implementation",
    "QA",
    "Launch",
    "Retrospective",
    "Content",
    "Research",
)
_COLORS = (
    "#06aaf5",
    "#c56bff",
    "#ea468d",
    "#fb8b14",
    "#06a893",
    "#f1c33f",
    "#4dc3ff",
    "#bc2d07",
    "#2da608",
    "#525266",
)
_GROUPS = (
    ("Design", "\U0001f3a8"),
    ("Engineering", "\U0001f6e0\ufe0f"),
    ("Marketing", "\U0001f4e3"),
    ("Sales", "\U0001f4bc"),
    ("Support", "\U0001f3a7"),
    ("Finance", "\U0001f4ca"),
    ("Product", "\U0001f9ed"),
    ("People", "\U0001f331"),
)
_TAGS = (
    {"id": 17, "label": "Contractor", "color": "#f5a623"},
    {"id": 18, "label": "Remote", "color": "#06aaf5"},
    {"id": 19, "label": "Part-time", "color": "#c56bff"},
    {"id": 20, "label": "On leave", "color": "#525266"},
)

#: Permission categories: category_id -> category_name.
_CATEGORIES = {
    1: "Members",
    2: "Projects",
    3: "Teams",
    4: "Ghosts",
    5: "Working hours",
    6: "Billing",
}

#: Permissions: (permission_id, name, entity, condition, description, category_id). `entity` is
#: one of the values Toggl's published spec lists: organization, workspace, project, group.
_PERMISSIONS = (
    (11, "view_ghosts", "workspace", "all", "View ghosts", 4),
    (12, "manage_ghosts", "workspace", "all", "Create, edit, delete and embody ghosts", 4),
    (13, "view_user_groups", "group", "all", "View teams", 3),
    (14, "manage_user_groups", "group", "all", "Create, edit and delete teams", 3),
    (15, "manage_working_hours", "organization", "all", "Edit everyone's working hours", 5),
    (16, "manage_own_working_hours", "organization", "own", "Edit one's own working hours", 5),
    (17, "manage_members", "organization", "all", "Invite and remove members", 1),
    (18, "manage_projects", "project", "all", "Create and edit projects", 2),
    (19, "manage_own_projects", "project", "own", "Edit projects one manages", 2),
    (20, "manage_billing", "organization", "all", "Change the plan and billing details", 6),
)

#: Roles: (role_id, code, name, description, privilege_level, type, permission names). `type` is
#: one of the four values Toggl's published spec lists (owner, admin, manager, guest): the
#: regular member and the custom planner role are `manager`, the only other non-guest type.
_ROLES = (
    (1, "owner", "Owner", "Owner of the organization", 100, "owner", None),
    (
        2,
        "admin",
        "Admin",
        "Administers the organization",
        50,
        "admin",
        (
            "view_ghosts manage_ghosts view_user_groups manage_user_groups manage_working_hours "
            "manage_own_working_hours manage_members manage_projects manage_own_projects"
        ),
    ),
    (
        3,
        "member",
        "Member",
        "Regular member of the organization",
        10,
        "manager",
        "view_ghosts view_user_groups manage_own_working_hours manage_own_projects",
    ),
    (4, "guest", "Guest", "Sees only shared projects", 1, "guest", "view_ghosts"),
    (
        5,
        "planner",
        "Resource planner",
        "Plans capacity with ghosts",
        30,
        "manager",
        "view_ghosts manage_ghosts view_user_groups manage_working_hours manage_own_projects",
    ),
)
ROLE_OWNER, ROLE_ADMIN, ROLE_MEMBER, ROLE_GUEST, ROLE_PLANNER = 1, 2, 3, 4, 5

#: The options of the seeded `Office` custom field (chosen by user id, not by the seed's
#: random stream, so that adding it left every other seeded value as it was).
_OFFICES = ("Berlin", "Lisbon", "Remote")


#: The styles of unset values: `go` sends Toggl's Go zero values, `sparse` nulls and omissions.
STYLES = ("go", "sparse")


def rfc3339(moment: datetime) -> str:
    """Format a moment as RFC 3339 in UTC with a `Z` suffix and whole seconds."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_now() -> str:
    """Return the current wall-clock time in the wire format."""
    return rfc3339(datetime.now(UTC))


def custom_field_value(
    field_id: int,
    name: str,
    field_type: str,
    value: Any,
    selected_options: Sequence[str] = (),
) -> JsonObject:
    """One item of a user's `custom_field_values`, in the one place that knows its shape.

    The shape is the one Toggl sends (the wt-spec change of `openapi/focus.yaml` types it):
    `custom_field_id`, `custom_field_name`, `field_type`, `selected_options` (the chosen
    options of a select field, an empty list otherwise) and a free `value`.
    """
    return {
        "custom_field_id": field_id,
        "custom_field_name": name,
        "field_type": field_type,
        "selected_options": list(selected_options),
        "value": value,
    }


def zero_rate() -> JsonObject:
    """The `rate` Toggl's Go server sends when rates are not asked for: a zero `UserRate`."""
    return {
        "currency": "",
        "end_at": "",
        "hourly_rate": 0,
        "start_at": "",
        "workspace_id": 0,
        "workspace_rate_id": 0,
        "workspace_user_rate_id": 0,
    }


class FocusState:
    """All data of one fake organization, with the operations the HTTP layer needs.

    Not thread-safe by itself: `FakeFocus` serialises access with its lock.
    """

    def __init__(
        self,
        *,
        seed: int = 0,
        ghosts: int = 300,
        users: int = 120,
        organization_id: int = 9001,
        workspace_ids: tuple[int, int] = (7001, 7002),
        style: str = "go",
    ) -> None:
        """Build the organization; `ghosts` and `users` say how many to seed.

        `style` is how unset values are sent: `"go"` or `"sparse"` (see `STYLES`).
        """
        if style not in STYLES:
            raise ValueError(f"style must be one of {', '.join(STYLES)}, not {style!r}")
        if users < 1:
            raise ValueError("users must be at least 1: the first user is the token's owner")
        if ghosts < 0:
            raise ValueError("ghosts must not be negative")
        self.rng = random.Random(seed)
        self.style = style
        #: An unset string-typed timestamp and an unset integer id, in this style.
        self.no_time: str | None = "" if style == "go" else None
        self.no_id: int | None = 0 if style == "go" else None
        self.organization_id = organization_id
        self.organization: JsonObject = {"id": organization_id, "name": "Northwind Studio"}
        self.workspaces: dict[int, JsonObject] = {
            workspace_ids[0]: {"id": workspace_ids[0], "name": "Studio"},
            workspace_ids[1]: {"id": workspace_ids[1], "name": "Operations"},
        }
        self.projects: dict[int, JsonObject] = {}
        self.project_workspace: dict[int, int] = {}
        self.tasks: dict[int, JsonObject] = {}
        self.task_project: dict[int, int] = {}
        self.roles: dict[int, JsonObject] = {}
        self.users: dict[int, JsonObject] = {}
        self.rates: dict[int, JsonObject] = {}
        #: Custom field values per organization user (`include_custom_fields=true`).
        self.custom_fields: dict[int, list[JsonObject]] = {}
        self.groups: dict[int, JsonObject] = {}
        self.ghosts: dict[int, JsonObject] = {}
        self.ghost_workspace: dict[int, int] = {}
        self.working_hours: dict[int, JsonObject] = {}
        #: The organization user who owns the fake's API token (`groups/me`).
        self.me_user_id = 0
        self._next_ghost_id = 1001
        self._next_user_id = 5101
        self._next_account_id = 880001
        self._next_workspace_user_id = 33001
        self._next_group_id = 41
        self._next_link_id = 91001
        self._next_working_hour_id = 77001
        self._links: dict[tuple[str, int, int], tuple[int, str]] = {}
        # Ghost listing index: ids of live ghosts sorted by (casefolded name, id), rebuilt lazily.
        self._version = 0
        self._sorted: tuple[int, list[int]] | None = None
        self._folded: dict[int, str] = {}
        self._list_cache: OrderedDict[tuple[Any, ...], list[int]] = OrderedDict()
        self._seed_catalogue()
        self._seed_roles()
        self._seed_users(users)
        self._seed_groups()
        self._seed_ghosts(ghosts)
        self._seed_working_hours()

    # --- seeding -------------------------------------------------------------------------

    def _moment(self, max_days: int = 60) -> str:
        """A reproducible timestamp up to `max_days` after the seed epoch."""
        offset = timedelta(days=self.rng.randrange(max_days), minutes=self.rng.randrange(600))
        return rfc3339(SEED_EPOCH + offset)

    def _seed_catalogue(self) -> None:
        """Projects (12 in the first workspace, the rest in the second) with 3 tasks each."""
        project_id, task_id = 201, 3001
        first, second = self.workspace_ids
        for index, name in enumerate(_PROJECTS):
            workspace_id = first if index < 12 else second
            self.projects[project_id] = {
                "id": project_id,
                "name": name,
                "color": _COLORS[index % len(_COLORS)],
                "private": index % 7 == 3,
            }
            self.project_workspace[project_id] = workspace_id
            for task_name in self.rng.sample(_TASKS, 3):
                self.tasks[task_id] = {
                    "id": task_id,
                    "name": task_name,
                    "color": self.rng.choice(_COLORS),
                }
                self.task_project[task_id] = project_id
                task_id += 1
            project_id += 1

    def _seed_roles(self) -> None:
        """The five roles with their permissions."""
        all_names = [name for _, name, _, _, _, _ in _PERMISSIONS]
        for role_id, code, name, description, level, kind, granted in _ROLES:
            names = all_names if granted is None else granted.split()
            self.roles[role_id] = {
                "role_id": role_id,
                "code": code,
                "name": name,
                "description": description,
                "entity": "organization",
                "organization_id": self.organization_id,
                "privilege_level": level,
                "type": kind,
                "default_for_levels": [],
                "require_group": False,
                "permissions": [
                    {
                        "permission_id": pid,
                        "name": pname,
                        "entity": entity,
                        "condition": condition,
                        "description": text,
                        "category_id": category,
                        "category_name": _CATEGORIES[category],
                    }
                    for pid, pname, entity, condition, text, category in _PERMISSIONS
                    if pname in names
                ],
            }

    def _seed_users(self, count: int) -> None:
        """The owner, four admins, then members, guests and planners; some invited."""
        used_emails: set[str] = set()
        first, second = self.workspace_ids
        for index in range(count):
            given = self.rng.choice(_FIRST_NAMES)
            family = self.rng.choice(_LAST_NAMES)
            local = f"{given}.{family}".lower()
            email = f"{local}@northwind.example"
            serial = 2
            while email in used_emails:
                email = f"{local}{serial}@northwind.example"
                serial += 1
            used_emails.add(email)
            if index == 0:
                role, status = ROLE_OWNER, "active"
            elif index <= 4:
                role, status = ROLE_ADMIN, "active"
            else:
                role = self.rng.choices(
                    (ROLE_MEMBER, ROLE_GUEST, ROLE_PLANNER), weights=(80, 8, 12)
                )[0]
                status = self.rng.choices(("active", "invited", "inactive"), weights=(82, 12, 6))[0]
            workspaces = [first] if index == 0 or self.rng.random() < 0.6 else [first, second]
            if index == 0:
                workspaces = [first, second]
            user = self.add_user(
                email=email,
                name=f"{given} {family}",
                role_id=role,
                workspace_ids=workspaces,
                joined=status != "invited",
                active=status != "inactive",
                products=["focus", "track"] if self.rng.random() < 0.3 else ["focus"],
                created_at=self._moment(),
            )
            if index == 0:
                self.me_user_id = user["id"]
                user["owner"] = True
            if self.rng.random() < 0.25:
                user["tags"] = [dict(tag) for tag in self.rng.sample(_TAGS, 1)]
            user["2fa_enabled"] = self.rng.random() < 0.4

    def _seed_groups(self) -> None:
        """Eight teams over the two workspaces; the owner is in the first two."""
        first, second = self.workspace_ids
        joined = [uid for uid, user in self.users.items() if user["joined"]]
        for index, (name, emoji) in enumerate(_GROUPS):
            if index < 5:
                workspaces = [first]
            elif index < 7:
                workspaces = [second]
            else:
                workspaces = [first, second]
            members = self.rng.sample(joined, min(len(joined), self.rng.randrange(4, 18)))
            if index in (0, 1) and self.me_user_id not in members:
                members.append(self.me_user_id)
            if index not in (0, 1) and self.me_user_id in members:
                members.remove(self.me_user_id)
            self.create_group(
                name=name,
                emoji=emoji,
                user_ids=members,
                workspace_ids=workspaces,
                now=self._moment(10),
            )

    def _seed_ghosts(self, count: int) -> None:
        """Ghosts with project, task and team assignments; about 4% embodied."""
        first, second = self.workspace_ids
        joined = [uid for uid, user in self.users.items() if user["joined"]]
        for index in range(count):
            workspace_id = first if index % 3 != 2 else second
            projects = [pid for pid, ws in self.project_workspace.items() if ws == workspace_id]
            teams = [gid for gid, g in self.groups.items() if workspace_id in g["workspaces"]]
            chosen = self.rng.sample(projects, self.rng.randrange(0, 3))
            tasks = [tid for tid, pid in self.task_project.items() if pid in chosen]
            name = f"{self.rng.choice(_SENIORITY)} {self.rng.choice(_GHOST_ROLES)} (TBH)"
            created = self._moment()
            ghost = self.add_ghost(
                workspace_id=workspace_id,
                name=name,
                description=self.rng.choice(_GHOST_NOTES),
                project_ids=chosen,
                task_ids=self.rng.sample(tasks, min(len(tasks), self.rng.randrange(0, 3))),
                team_ids=self.rng.sample(teams, min(len(teams), self.rng.randrange(0, 3))),
                created_at=created,
            )
            if joined and self.rng.random() < 0.04:
                ghost["user_id"] = self.rng.choice(joined)
                ghost["embodied_at"] = rfc3339(
                    datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
                    + timedelta(days=self.rng.randrange(1, 20))
                )
                ghost["updated_at"] = ghost["embodied_at"]

    def _seed_working_hours(self) -> None:
        """Working hours for every joined user and every third ghost."""
        for user_id, user in self.users.items():
            if not user["joined"]:
                continue
            days = (1, 2, 3, 4) if self.rng.random() < 0.15 else (1, 2, 3, 4, 5)
            hours = 6.0 if self.rng.random() < 0.1 else 8.0
            start = self.rng.choice((8.0, 8.5, 9.0, 9.0, 10.0))
            for weekday in days:
                self.add_working_hours("user", user_id, weekday, hours, start, user["created_at"])
        for ghost_id, ghost in list(self.ghosts.items())[::3]:
            for weekday in (1, 2, 3, 4, 5):
                self.add_working_hours("ghost", ghost_id, weekday, 8.0, 9.0, ghost["created_at"])

    # --- organization --------------------------------------------------------------------

    @property
    def workspace_ids(self) -> tuple[int, int]:
        """The two workspace ids, in seeding order."""
        first, second = self.workspaces
        return first, second

    def add_user(
        self,
        *,
        email: str,
        name: str,
        role_id: int = ROLE_MEMBER,
        workspace_ids: Sequence[int] = (),
        joined: bool = True,
        active: bool = True,
        products: Sequence[str] = ("focus",),
        created_at: str | None = None,
    ) -> JsonObject:
        """Add an organization user (an invited one when `joined` is false) and return it."""
        user_id = self._next_user_id
        self._next_user_id += 1
        account_id = self._next_account_id
        self._next_account_id += 1
        moment = created_at or utc_now()
        workspaces = []
        for workspace_id in workspace_ids or (self.workspace_ids[0],):
            workspaces.append(
                {
                    "id": workspace_id,
                    "name": self.workspaces[workspace_id]["name"],
                    "focus_role_id": role_id,
                    "track_role_id": self.no_id,
                    "work_role_id": self.no_id,
                    "workspace_user_id": self._next_workspace_user_id,
                    "toggl_products": list(products),
                }
            )
            self._next_workspace_user_id += 1
        role = self.roles[role_id]
        granted = {permission["name"] for permission in role["permissions"]}
        user: JsonObject = {
            "id": user_id,
            "user_account_id": account_id,
            "user_id": str(account_id),
            "organization_id": self.organization_id,
            "email": email,
            "name": name,
            "active": active,
            "admin": role_id in (ROLE_OWNER, ROLE_ADMIN),
            "owner": False,
            "invite_sent": True,
            "joined": joined,
            "2fa_enabled": False,
            "account_locked_at": self.no_time,
            "can_edit_personal_details": True,
            "created_at": moment,
            "updated_at": moment,
            "deleted_at": self.no_time,
            "permissions": {pname: pname in granted for _, pname, _, _, _, _ in _PERMISSIONS},
            "tags": [],
            "workspaces": workspaces,
        }
        self.users[user_id] = user
        self.rates[user_id] = {
            "currency": "EUR",
            "hourly_rate": float(self.rng.randrange(40, 121)),
            "start_at": rfc3339(SEED_EPOCH),
            "end_at": self.no_time,
            "workspace_id": workspaces[0]["id"],
            "workspace_rate_id": 310,
            "workspace_user_rate_id": 4400 + (user_id - 5100),
        }
        office = _OFFICES[user_id % len(_OFFICES)]
        self.custom_fields[user_id] = [
            custom_field_value(1, "Cost center", "text", "CC-" + str(100 + user_id % 7)),
            custom_field_value(2, "Office", "select", office, [office]),
        ]
        return user

    def user_by_email(self, email: str) -> JsonObject | None:
        """Find an organization user by email, ignoring case."""
        folded = email.casefold()
        for user in self.users.values():
            if user["email"].casefold() == folded:
                return user
        return None

    def _link(self, kind: str, group_id: int, other_id: int, now: str) -> tuple[int, str]:
        """The id and creation time of a group membership, stable once made."""
        key = (kind, group_id, other_id)
        if key not in self._links:
            self._links[key] = (self._next_link_id, now)
            self._next_link_id += 1
        return self._links[key]

    def create_group(
        self,
        *,
        name: str,
        emoji: str,
        user_ids: Iterable[int],
        workspace_ids: Iterable[int],
        now: str,
    ) -> JsonObject:
        """Create a group (a team) and return its stored record."""
        group_id = self._next_group_id
        self._next_group_id += 1
        group: JsonObject = {
            "id": group_id,
            "name": name,
            "emoji": emoji,
            "organization_id": self.organization_id,
            "created_at": now,
            "updated_at": now,
            "deleted_at": self.no_time,
            "organization_users": [],
            "workspaces": [],
        }
        self.groups[group_id] = group
        self.replace_group(
            group,
            name=name,
            emoji=emoji,
            user_ids=user_ids,
            workspace_ids=workspace_ids,
            now=now,
            touch=False,
        )
        return group

    def replace_group(
        self,
        group: JsonObject,
        *,
        name: str,
        emoji: str,
        user_ids: Iterable[int],
        workspace_ids: Iterable[int],
        now: str,
        touch: bool = True,
    ) -> None:
        """Make a group's name, emoji, members and workspaces exactly the given ones."""
        group["name"] = name
        group["emoji"] = emoji
        group["organization_users"] = list(dict.fromkeys(user_ids))
        group["workspaces"] = list(dict.fromkeys(workspace_ids))
        for user_id in group["organization_users"]:
            self._link("user", group["id"], user_id, now)
        for workspace_id in group["workspaces"]:
            self._link("workspace", group["id"], workspace_id, now)
        if touch:
            group["updated_at"] = now
        self._touch_ghosts()  # team hydration depends on groups

    def render_group(self, group: JsonObject, *, active_only: bool = False) -> JsonObject:
        """Render a stored group in the spec's `Group` shape.

        `active_only` leaves out members who are deactivated or have not joined yet.
        """
        users = []
        for user_id in group["organization_users"]:
            user = self.users.get(user_id)
            if user is None or (active_only and not (user["active"] and user["joined"])):
                continue
            link_id, linked_at = self._link("user", group["id"], user_id, group["updated_at"])
            users.append(
                {
                    "user_group_id": link_id,
                    "organization_user_id": user_id,
                    "user_account_id": user["user_account_id"],
                    "display_name": user["name"],
                    "focus_role_id": user["workspaces"][0]["focus_role_id"],
                    "track_role_id": self.no_id,
                    "work_role_id": self.no_id,
                    "created_at": linked_at,
                    "updated_at": linked_at,
                    "deleted_at": self.no_time,
                }
            )
        workspaces = []
        for workspace_id in group["workspaces"]:
            link_id, linked_at = self._link(
                "workspace", group["id"], workspace_id, group["updated_at"]
            )
            workspaces.append(
                {
                    "workspace_group_id": link_id,
                    "workspace_id": workspace_id,
                    "name": self.workspaces[workspace_id]["name"],
                    "focus_role_id": self.no_id,
                    "products": ["focus"],
                    "created_at": linked_at,
                    "updated_at": linked_at,
                    "deleted_at": self.no_time,
                }
            )
        return {
            "id": group["id"],
            "name": group["name"],
            "emoji": group["emoji"],
            "organization_id": group["organization_id"],
            "created_at": group["created_at"],
            "updated_at": group["updated_at"],
            "deleted_at": group["deleted_at"],
            "users": users,
            "workspaces": workspaces,
        }

    def delete_group(self, group_id: int) -> None:
        """Remove a group; ghosts keep the id in `assigned.team_ids` (as a stale reference)."""
        del self.groups[group_id]
        self._touch_ghosts()

    def render_user(
        self,
        user: JsonObject,
        *,
        with_hours: bool = False,
        with_rate: bool = False,
        with_custom_fields: bool = False,
    ) -> JsonObject:
        """Render an organization user with groups (and optional hours, rate, custom fields)."""
        mine = [g for g in self.groups.values() if user["id"] in g["organization_users"]]
        rendered = dict(user)
        rendered["groups"] = [
            {
                "id": g["id"],
                "name": g["name"],
                "emoji": g["emoji"],
                "workspace_ids": g["workspaces"],
            }
            for g in mine
        ]
        rendered["workspaces"] = [
            {
                **workspace,
                "groups": [
                    {"id": g["id"], "name": g["name"], "emoji": g["emoji"]}
                    for g in mine
                    if workspace["id"] in g["workspaces"]
                ],
            }
            for workspace in user["workspaces"]
        ]
        go = self.style == "go"
        if with_hours:
            entries = self.working_hours_of("user", user["id"])
            week = sum(entry["working_hours"] for entry in entries)
            rendered["working_hours"] = week if entries or go else None
        elif go:  # Go's float64: always sent, 0 when not asked for
            rendered["working_hours"] = 0
        if with_rate:
            rendered["rate"] = dict(self.rates[user["id"]])
        elif go:  # Go's struct: always sent, its zero value when not asked for
            rendered["rate"] = zero_rate()
        if with_custom_fields:
            rendered["custom_field_values"] = [
                copy.deepcopy(value) for value in self.custom_fields.get(user["id"], [])
            ]
        return rendered

    # --- ghosts --------------------------------------------------------------------------

    def _touch_ghosts(self) -> None:
        """Invalidate the cached ghost listings after a change."""
        self._version += 1
        self._list_cache.clear()

    def project_ref(self, project_id: int) -> JsonObject:
        """Return the `AssignedProject` for an id; unknown ids get a generated catalogue entry."""
        if project_id not in self.projects:
            self.projects[project_id] = {
                "id": project_id,
                "name": f"Project {project_id}",
                "color": "#9e9e9e",
                "private": False,
            }
        return dict(self.projects[project_id])

    def task_ref(self, task_id: int) -> JsonObject:
        """Return the `AssignedTask` for an id; unknown ids get a generated catalogue entry."""
        if task_id not in self.tasks:
            self.tasks[task_id] = {"id": task_id, "name": f"Task {task_id}", "color": "#9e9e9e"}
        return dict(self.tasks[task_id])

    def add_ghost(
        self,
        *,
        workspace_id: int,
        name: str,
        description: str = "",
        project_ids: Iterable[int] = (),
        task_ids: Iterable[int] = (),
        team_ids: Iterable[int] = (),
        created_at: str | None = None,
    ) -> JsonObject:
        """Create a ghost with the next id and return its stored (wire-shaped) record."""
        ghost_id = self._next_ghost_id
        self._next_ghost_id += 1
        moment = created_at or utc_now()
        ghost: JsonObject = {
            "id": ghost_id,
            "name": name,
            "description": description,
            "assigned": {
                "projects": [self.project_ref(pid) for pid in dict.fromkeys(project_ids)],
                "tasks": [self.task_ref(tid) for tid in dict.fromkeys(task_ids)],
                "team_ids": list(dict.fromkeys(team_ids)),
            },
            "created_at": moment,
            "updated_at": moment,
            # null in both styles: Toggl's published spec makes these three nullable
            # ("null until set"), and a 0 `user_id` would read as embodied.
            "deleted_at": None,
            "embodied_at": None,
            "user_id": None,
        }
        self.ghosts[ghost_id] = ghost
        self.ghost_workspace[ghost_id] = workspace_id
        self._touch_ghosts()
        return ghost

    def live_ghost(self, workspace_id: int, ghost_id: int) -> JsonObject | None:
        """Return a ghost of the workspace that is not deleted, or None."""
        ghost = self.ghosts.get(ghost_id)
        if ghost is None or ghost["deleted_at"] is not None:
            return None
        if self.ghost_workspace.get(ghost_id) != workspace_id:
            return None
        return ghost

    def update_ghost(self, ghost: JsonObject, changes: JsonObject, now: str) -> None:
        """Apply a validated `GhostUpdate`/`GhostBulkUpdate` to a stored ghost."""
        touched = False
        for key in ("name", "description"):
            if key in changes:
                ghost[key] = changes[key]
                touched = True
        action = changes.get("assign_action", "replace")
        assigned = ghost["assigned"]
        for key, field, ref in (
            ("assign_projects", "projects", self.project_ref),
            ("assign_tasks", "tasks", self.task_ref),
            ("assign_teams", "team_ids", None),
        ):
            if key not in changes:
                continue
            touched = True
            current = [item if ref is None else item["id"] for item in assigned[field]]
            given = list(dict.fromkeys(changes[key]))
            if action == "add":
                ids = current + [i for i in given if i not in current]
            elif action == "remove":
                ids = [i for i in current if i not in given]
            else:
                ids = given
            assigned[field] = ids if ref is None else [ref(i) for i in ids]
        if touched:
            ghost["updated_at"] = now
            self._touch_ghosts()

    def delete_ghost(self, ghost: JsonObject, now: str) -> None:
        """Soft-delete a ghost: it keeps its record with `deleted_at` set."""
        ghost["deleted_at"] = now
        ghost["updated_at"] = now
        self._touch_ghosts()

    def embody_ghost(self, ghost: JsonObject, user: JsonObject, role_id: int, now: str) -> None:
        """Hand a ghost's assignments to an organization user with the given role."""
        ghost["user_id"] = user["id"]
        ghost["embodied_at"] = now
        ghost["updated_at"] = now
        workspace_id = self.ghost_workspace[ghost["id"]]
        memberships = [w for w in user["workspaces"] if w["id"] == workspace_id]
        if memberships:
            memberships[0]["focus_role_id"] = role_id
        else:
            user["workspaces"].append(
                {
                    "id": workspace_id,
                    "name": self.workspaces[workspace_id]["name"],
                    "focus_role_id": role_id,
                    "track_role_id": self.no_id,
                    "work_role_id": self.no_id,
                    "workspace_user_id": self._next_workspace_user_id,
                    "toggl_products": ["focus"],
                }
            )
            self._next_workspace_user_id += 1
        for team_id in ghost["assigned"]["team_ids"]:
            group = self.groups.get(team_id)
            if group is not None and user["id"] not in group["organization_users"]:
                group["organization_users"].append(user["id"])
                self._link("user", team_id, user["id"], now)
        user["updated_at"] = now
        self._touch_ghosts()

    def _sorted_ids(self) -> list[int]:
        """Live ghost ids sorted by (case-folded name, id), rebuilt only after a change."""
        if self._sorted is None or self._sorted[0] != self._version:
            live = [gid for gid, g in self.ghosts.items() if g["deleted_at"] is None]
            self._folded = {gid: self.ghosts[gid]["name"].casefold() for gid in live}
            live.sort(key=lambda gid: (self._folded[gid], gid))
            self._sorted = (self._version, live)
        return self._sorted[1]

    def list_ghost_ids(
        self,
        workspace_id: int,
        *,
        search: str | None,
        project_ids: Sequence[int] | None,
        task_ids: Sequence[int] | None,
        team_ids: Sequence[int] | None,
        ghost_ids: Sequence[int] | None,
        include_embodied: bool,
        descending: bool,
    ) -> list[int]:
        """Return the ordered ids of the matching ghosts; results are cached until a change."""

        def frozen(ids: Sequence[int] | None) -> frozenset[int] | None:
            """An id filter as a cache key; an empty list filters nothing."""
            return frozenset(ids) if ids else None

        key = (
            self._version,
            workspace_id,
            search.casefold() if search else None,
            frozen(project_ids),
            frozen(task_ids),
            frozen(team_ids),
            frozen(ghost_ids),
            include_embodied,
            descending,
        )
        cached = self._list_cache.get(key)
        if cached is not None:
            self._list_cache.move_to_end(key)
            return cached
        ordered = self._sorted_ids()
        _, _, needle, projects, tasks, teams, wanted, _, _ = key
        result = []
        for gid in reversed(ordered) if descending else ordered:
            if self.ghost_workspace[gid] != workspace_id:
                continue
            ghost = self.ghosts[gid]
            if not include_embodied and ghost["user_id"] is not None:
                continue
            if wanted is not None and gid not in wanted:
                continue
            if needle is not None and needle not in self._folded[gid]:
                continue
            assigned = ghost["assigned"]
            if projects is not None and not any(p["id"] in projects for p in assigned["projects"]):
                continue
            if tasks is not None and not any(t["id"] in tasks for t in assigned["tasks"]):
                continue
            if teams is not None and not any(t in teams for t in assigned["team_ids"]):
                continue
            result.append(gid)
        self._list_cache[key] = result
        while len(self._list_cache) > 16:
            self._list_cache.popitem(last=False)
        return result

    def team_ghosts(self, workspace_id: int) -> dict[int, list[JsonObject]]:
        """Map each team id to the live, unembodied ghosts of the workspace assigned to it."""
        key = (self._version, "teams", workspace_id)
        cached = self._list_cache.get(key)
        if cached is None:
            cached = [
                gid
                for gid in self._sorted_ids()
                if self.ghost_workspace[gid] == workspace_id and self.ghosts[gid]["user_id"] is None
            ]
            self._list_cache[key] = cached
        result: dict[int, list[JsonObject]] = {}
        for gid in cached:
            ghost = self.ghosts[gid]
            for team_id in ghost["assigned"]["team_ids"]:
                result.setdefault(team_id, []).append({"id": gid, "name": ghost["name"]})
        return result

    # --- working hours -------------------------------------------------------------------

    def add_working_hours(
        self,
        entity_type: str,
        entity_id: int,
        weekday: int | None,
        hours: float,
        start: float,
        now: str,
    ) -> JsonObject:
        """Store one working-hours entry of a user or a ghost and return it.

        `weekday=None` stores an entry without a weekday (Toggl's spec makes it optional);
        it is answered without the key.
        """
        entry_id = self._next_working_hour_id
        self._next_working_hour_id += 1
        entry: JsonObject = {
            "working_hour_id": entry_id,
            **({} if weekday is None else {"weekday": weekday}),
            "working_hours": hours,
            "starting_hours": start,
            "external_entity_type": entity_type,
            "external_entity_id": entity_id,
            "organization_id": self.organization_id,
            "created_at": now,
            "updated_at": now,
        }
        if entity_type == "user":
            entry["user_id"] = entity_id
        self.working_hours[entry_id] = entry
        return entry

    def working_hours_of(self, entity_type: str, entity_id: int) -> list[JsonObject]:
        """Return an entity's working-hours entries ordered by weekday (none last)."""
        entries = [
            entry
            for entry in self.working_hours.values()
            if entry["external_entity_type"] == entity_type
            and entry["external_entity_id"] == entity_id
        ]
        return sorted(
            entries, key=lambda entry: (entry.get("weekday", 7), entry["working_hour_id"])
        )
