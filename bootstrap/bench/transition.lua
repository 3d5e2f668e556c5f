-- A lifecycle transition over HTTP: the Bureau starts the expert review (Art. 8) of a declared project,
-- POST /api/projects/<id>/actions/START_REVIEW, each request on another project (ids from EGOV_BENCH_IDS, one per
-- line; each wrk thread takes every n-th id). Anything but 200 counts in the summary.
local auth = os.getenv("EGOV_BENCH_AUTH") or "bench-bdb:bench-password-123"
local idsFile = os.getenv("EGOV_BENCH_IDS") or "ids.txt"
local function b64(data)
  local chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  return ((data:gsub('.', function(x)
    local r, byte = '', x:byte()
    for i = 8, 1, -1 do r = r .. (byte % 2 ^ i - byte % 2 ^ (i - 1) > 0 and '1' or '0') end
    return r
  end) .. '0000'):gsub('%d%d?%d?%d?%d?%d?', function(x)
    if #x < 6 then return '' end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == '1' and 2 ^ (6 - i) or 0) end
    return chars:sub(c + 1, c + 1)
  end) .. ({ '', '==', '=' })[#data % 3 + 1])
end
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
  wrk.headers["Authorization"] = "Basic " .. b64(auth)
  wrk.headers["Content-Type"] = "application/json"
end
function request()
  local id = ids[index]
  index = index + nthreads
  if id == nil then id = ids[1] end
  return wrk.format("POST", "/api/projects/" .. id .. "/actions/START_REVIEW", nil, "{}")
end
-- EGOV_BENCH_DELAY_MS: each connection waits this long after an answer before its next request (a paced load)
local pause = tonumber(os.getenv("EGOV_BENCH_DELAY_MS") or "0")
if pause > 0 then
  function delay()
    return pause
  end
end
function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end
function done(summary, latency, requests)
  io.write(string.format("non-2xx responses counted by the script: see wrk's own line; p50 %.1f ms, p90 %.1f ms, p99 %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
