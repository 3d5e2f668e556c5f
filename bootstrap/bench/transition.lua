-- A lifecycle transition over HTTP: the Bureau starts the expert review (Art. 8) of a declared project,
-- POST /api/projects/<id>/actions/START_REVIEW, each request on another project (ids from EGOV_BENCH_IDS, one per
-- line; each wrk thread takes every n-th id). Anything but 200 counts in the summary.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")
local idsFile = os.getenv("EGOV_BENCH_IDS") or "ids.txt"
local threads = {}
local counter = 1
function setup(thread)
  thread:set("tid", counter)
  table.insert(threads, thread)
  counter = counter + 1
end
-- each thread takes ids offset + tid, + STRIDE, + 2 * STRIDE, … (STRIDE: the number of wrk threads)
local STRIDE = tonumber(os.getenv("EGOV_BENCH_THREADS") or "2")
function init(args)
  ids = {}
  for line in io.lines(idsFile) do ids[#ids + 1] = line end
  nthreads = STRIDE
  index = tid + (tonumber(os.getenv("EGOV_BENCH_OFFSET") or "0"))
  failures = 0
  wrk.headers["Authorization"] = common.authorization()
  wrk.headers["Content-Type"] = "application/json"
end
function request()
  local id = ids[index]
  index = index + nthreads
  if id == nil then id = ids[1] end
  return wrk.format("POST", "/api/projects/" .. id .. "/actions/START_REVIEW", nil, "{}")
end
delay = common.delay()
function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end
function done(summary, latency, requests)
  io.write(string.format("non-2xx responses counted by the script: see wrk's own line; p50 %.1f ms, p90 %.1f ms, p99 %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
