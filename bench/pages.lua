-- wrk: posts the bodies of the file named by BODIES in turn, from line START (default 0); the second thread starts
-- half the file further on, so no two requests of a run are the same while a run takes fewer than half the lines.
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
local counter = 0
local threads = {}
function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end
function init(args)
  counter = tonumber(os.getenv("START") or "0") + offset * math.floor(#bodies / 2)
end
function request()
  counter = counter + 1
  return wrk.format("POST", "/graphql", {["Content-Type"] = "application/json"}, bodies[(counter % #bodies) + 1])
end
errors = 0
function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then errors = errors + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + (t:get("errors") or 0) end
  io.write(string.format("pages/s %.1f median %.1f ms p99 %.1f ms requests %d errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, total + summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
