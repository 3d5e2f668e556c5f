-- GET of a project list page (20 rows, newest first) as a Bureau officer, who sees every unit's projects.
-- Credentials: HTTP Basic from EGOV_BENCH_AUTH ("user:password"); the server caches a verified header for 5 minutes.
local auth = os.getenv("EGOV_BENCH_AUTH") or "bench-bdb:bench-password-123"
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
wrk.method = "GET"
wrk.path = os.getenv("EGOV_BENCH_PATH") or "/api/projects?page=1&size=20"
wrk.headers["Authorization"] = "Basic " .. b64(auth)
wrk.headers["Accept"] = "application/json"
-- EGOV_BENCH_DELAY_MS: each connection waits this long after an answer before its next request (a paced load of
-- at most connections × 1000 / delay requests per second, to read the latency at a given rate, not at saturation)
local pause = tonumber(os.getenv("EGOV_BENCH_DELAY_MS") or "0")
if pause > 0 then
  function delay()
    return pause
  end
end
