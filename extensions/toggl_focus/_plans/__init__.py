"""Ghost plans, the part sync and async share: desired ghosts, the diff, its price, reports.

Nothing here sends a request. `_async/plans.py` (and its generated twin `_sync/plans.py`)
reads the workspace, hands what it read to `diff`, and runs the `PlanStep`s that `steps`
derives from the changes; the bookkeeping of a run (`Progress`) and what is left after a
failure (`Progress.leftover`) are decided here. By concern:

- `desired.py`: desired ghosts from dicts, models or CSV rows, checked (`DesiredGhost`,
  `desired_from_rows`, duplicate desired keys);
- `hours.py`: a ghost's weekly working hours, old to new (`HoursChange`);
- `diff.py`: the changes per ghost (`PlanCreate`, `PlanUpdate`, ...) and `diff` itself;
- `steps.py`: one step per request (the price, batch size from the spec) and the
  bookkeeping of a run (`Progress`, `Leftover`, what a failure means);
- `report.py`: the table `str(plan)` prints;
- `saved.py`: a plan as a JSON document (`plan.to_json()`), read back, and the check that
  the ghosts it touches are as it saw them (`load_plan`, `StalePlanError`);
- `errors.py`: `PlanError` and its kin (all `FocusError`s).

Decisions where issue 15 is silent:

- **What a field of a desired ghost means.** A field that is absent or None is not managed:
  the plan never changes it. A value, even an empty one (`""`, `[]`, `{}`), is the desired
  state: `project_ids=[]` unassigns every project. A ghost's absent or `null` description
  or assignment list reads as `""` / none, so `""` and `[]` match it. Assignments compare as
  sets (order and repeats do not matter) and are set with `assign_action="replace"`, so an
  update is exact and idempotent.
- **Key.** `"name"` (case-sensitive: the API keeps names as given; compared in NFC without
  surrounding whitespace, `desired.name_key`, since CSV cells are stripped and NFD and NFC
  look the same; names are sent as given and a match is not renamed) or `"id"` (a desired
  ghost with an `id` updates that ghost; one without is created). With `prune`, deleting a
  ghost whose name only looks like a row's (`desired.lookalike`: case, width) while keeping
  or creating the row's is refused (`LookalikeNameError`), before any write.
- **Saved plans** are checked, before any write, against the ghosts they update or delete
  (one listing request per 100, by the `ghost_ids` filter): a ghost gone, embodied, or
  whose `updated_at` or planned fields differ makes the plan stale. Working-hours entries
  are not re-read (a request per ghost); ghosts the plan creates cannot be checked for a
  namesake created meanwhile without listing the workspace, which saving a plan avoids.
- **Duplicates.** Two desired ghosts with one key: an error before any request. Two ghosts
  of the workspace with one key: an error (before any write) when a desired ghost has that
  key, since the plan could not tell which one it means; otherwise they are left alone, or
  deleted with `prune=True`, which is unambiguous. The listing is not a snapshot: a ghost
  it shows twice (it moved between pages) is one ghost, kept by id at its first place with
  its later (fresher) data, so it is neither its own duplicate nor deleted twice.
- **Embodied ghosts** (`include_embodied=True`) are matched, so no duplicate is created, but
  never updated (the API refuses, 400) nor deleted: they count as unchanged.
- **Weekly working hours** are `{weekday: hours}` (0 = Sunday, as the spec decides) and the
  whole week: weekdays left out have no entry. Planning reads the current hours of each
  matched ghost whose desired row sets them (one GET each; the listing has none). In
  `desired_from_rows` an empty `working_hours` cell does not set them (the hours are left
  alone and not read: a CSV with hours in 10 of 29 rows costs at most 10 hours reads, not
  29); `none` sets "no hours". Changes
  cost at most two requests per ghost: one PUT for changed hours (an entry of a weekday no
  longer wanted moves to a new weekday in the same PUT), then one POST for the remaining new
  weekdays or one DELETE for the remaining dropped ones. Entries without a weekday (their
  meaning is undocumented) are left alone. A ghost created by the plan starts with no hours:
  one POST.
"""
