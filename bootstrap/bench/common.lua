-- What both benchmark scripts share, loaded with dofile: HTTP Basic credentials and the optional pacing.
local common = {}

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

-- The Authorization header for EGOV_BENCH_AUTH ("user:password"); the server caches a verified header for 5 minutes.
function common.authorization()
  return "Basic " .. b64(os.getenv("EGOV_BENCH_AUTH") or "bench-bdb:bench-password-123")
end

-- EGOV_BENCH_DELAY_MS: each connection waits this long after an answer before its next request (a paced load of
-- at most connections × 1000 / delay requests per second, to read the latency at a given rate, not at saturation).
-- Returns wrk's delay function, or nil for a load flat out.
function common.delay()
  local pause = tonumber(os.getenv("EGOV_BENCH_DELAY_MS") or "0")
  if pause > 0 then
    return function() return pause end
  end
  return nil
end

return common
