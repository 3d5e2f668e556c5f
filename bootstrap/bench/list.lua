-- GET of a project list page (20 rows, newest first) as a Bureau officer, who sees every unit's projects.
-- Credentials: HTTP Basic from EGOV_BENCH_AUTH; EGOV_BENCH_DELAY_MS paces the load (common.lua).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")
wrk.method = "GET"
wrk.path = os.getenv("EGOV_BENCH_PATH") or "/api/projects?page=1&size=20"
wrk.headers["Authorization"] = common.authorization()
wrk.headers["Accept"] = "application/json"
delay = common.delay()
